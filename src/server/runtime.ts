import pino from 'pino';
import type { Config } from '../config.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';
import type { Deps } from '../deps.ts';
import { createJobs, type JobDefinition } from '../jobs/queue.ts';
import { deliverEmailDefinition, sweepQueuedEmails } from '../modules/email/index.ts';
import { openFileStorage } from '../modules/files/index.ts';
import { runImportDefinition } from '../modules/imports/index.ts';
import { purgeDeletedSalesRecords } from '../modules/sales-records/index.ts';

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
  ];
  const workers = opts.workers ?? config.jobWorkers;
  await jobs.start(definitions, { workers });
  // Emails committed but never handed to the queue (a crash in between) are picked up here.
  const sweep = workers
    ? setInterval(
        () => void sweepQueuedEmails(deps).catch((err: unknown) => log.error({ err }, 'email sweep failed')),
        60_000,
      )
    : undefined;
  sweep?.unref();
  // Deleted Sales Records past their 30-day recovery window are purged hourly.
  const purge = workers
    ? setInterval(
        () => void purgeDeletedSalesRecords(deps).catch((err: unknown) => log.error({ err }, 'purge failed')),
        3600_000,
      )
    : undefined;
  purge?.unref();
  const ownsDatabase = !opts.database;
  return {
    ...deps,
    async shutdown() {
      clearInterval(sweep);
      clearInterval(purge);
      await jobs.stop();
      if (ownsDatabase) await database.close();
      releaseLock();
    },
  };
}
