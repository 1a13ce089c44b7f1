import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { Jobs } from './jobs/queue.ts';
import type { FileStorage } from './modules/files/index.ts';

/** What use cases need from the outside world; built once at start-up and passed down. */
export type Deps = {
  config: Config;
  database: Database;
  db: Db;
  jobs: Jobs;
  log: Logger;
  storage: FileStorage;
};
