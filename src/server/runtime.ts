import pino from 'pino';
import type { Config } from '../config.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';
import type { Deps } from '../deps.ts';
import { createJobs, type JobDefinition } from '../jobs/queue.ts';
import { deliverEmailDefinition, sweepQueuedEmailsDefinition } from '../modules/email/index.ts';
import { openFileStorage } from '../modules/files/index.ts';
import { runImportDefinition } from '../modules/imports/index.ts';
import { purgeDeletedSalesRecordsDefinition } from '../modules/sales-records/index.ts';
import { startOutboundEngine } from '../modules/messaging/index.ts';
import { wireModules } from './wiring.ts';

export type Runtime = Deps & { shutdown(): Promise<void> };

/**
 * Open the database (PGlite in DATA_DIR unless DATABASE_URL is set), apply migrations, start the
 * job queue. Shared by the server, the CLI and tests.
 */
export async function openRuntime(
  config: Config,
  opts: { role: 'server' | 'cli'; socket?: string; workers?: boolean; database?: Database } = {
    role: 'server',
  },
): Promise<Runtime> {
  wireModules();
  const log = pino({ level: config.logLevel });
  let releaseLock = () => {};
  let database = opts.database;
  if (!database) {
    if (config.databaseUrl) {
      database = await openPostgres(config.databaseUrl, config.databasePoolSize);
    } else {
      releaseLock = acquireDataDirLock(config.dataDir, {
        role: opts.role,
        ...(opts.socket ? { socket: opts.socket } : {}),
      });
      try {
        database = await openPglite({ dataDir: `${config.dataDir}/pglite` });
      } catch (e) {
        releaseLock();
        throw e;
      }
    }
    await database.migrate();
  }
  const jobs = createJobs(database, log);
  const storage = openFileStorage(config);
  const deps: Deps = { config, database, db: database.db, jobs, log, storage };
  const definitions: JobDefinition<never>[] = [
    deliverEmailDefinition(deps) as JobDefinition<never>,
    runImportDefinition(deps) as JobDefinition<never>,
    // Recurring work runs on pg-boss schedules: once per tick, however many processes (decision 022).
    sweepQueuedEmailsDefinition(deps) as JobDefinition<never>,
    purgeDeletedSalesRecordsDefinition(deps) as JobDefinition<never>,
  ];
  const workers = opts.workers ?? config.jobWorkers;
  // The embedded database is this process's alone (the data-directory lock): any other job worker
  // on record died with its process, and what it was running is handed back at once.
  await jobs.start(definitions, { workers, exclusive: database.kind === 'pglite' && !opts.database });
  const ownsDatabase = !opts.database;
  // The outbound texting engine runs in every worker process (decision 053).
  const engine = workers
    ? startOutboundEngine(deps, { exclusive: database.kind === 'pglite' && !opts.database })
    : null;
  return {
    ...deps,
    async shutdown() {
      await engine?.stop();
      await jobs.stop();
      if (ownsDatabase) await database.close();
      releaseLock();
    },
  };
}
