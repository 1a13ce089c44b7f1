import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';

/** A job kind: its queue name, retry policy and handler. Payloads are validated by the handler. */
export type JobDefinition<P> = {
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
  handler: (payload: P, meta?: { retryCount: number; isLastAttempt: boolean }) => Promise<void>;
};

export type Jobs = {
  send<P extends object>(
    def: Pick<JobDefinition<P>, 'name'>,
    payload: P,
    opts?: { singletonKey?: string },
  ): Promise<void>;
  start(definitions: JobDefinition<never>[], opts: { workers: boolean }): Promise<void>;
  stop(): Promise<void>;
};

/**
 * pg-boss on the same database as the app. On PGlite it runs through our SQL executor, so the
 * embedded install needs no second service either.
 */
export function createJobs(database: Database, log: Logger): Jobs {
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({ connectionString: database.connectionString!, max: 4 })
      : new PgBoss({ db: { executeSql: database.executeSql } as never, supervise: true, schedule: false });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  let started: Promise<unknown> | undefined;
  const ensureStarted = () => (started ??= boss.start());
  // This process's workers by queue: a job sent from here wakes its worker at once instead of
  // waiting for the next poll (pg-boss polls at most every 0.5 s).
  const localWorkers = new Map<string, string>();

  return {
    async send(def, payload, opts) {
      await ensureStarted();
      await boss.send(def.name, payload, opts?.singletonKey ? { singletonKey: opts.singletonKey } : {});
      const worker = localWorkers.get(def.name);
      if (worker) boss.notifyWorker(worker);
    },
    async start(definitions, { workers }) {
      await ensureStarted();
      for (const def of definitions) {
        await boss.createQueue(def.name, {
          name: def.name,
          retryLimit: def.retryLimit,
          retryDelay: def.retryDelaySeconds,
          retryBackoff: true,
        });
        if (workers) {
          const id = await boss.work(
            def.name,
            { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true },
            async (jobs) => {
              for (const job of jobs) {
                await def.handler(job.data as never, {
                  retryCount: job.retryCount,
                  isLastAttempt: job.retryCount >= job.retryLimit,
                });
              }
            },
          );
          localWorkers.set(def.name, id);
        }
      }
    },
    async stop() {
      if (!started) return;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
