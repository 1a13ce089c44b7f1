import os from 'node:os';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { newId } from '../lib/ids.ts';
import { jobRuns, jobWorkers } from './schema.ts';

/** A job kind: its queue name, retry policy and handler. Payloads are validated by the handler. */
export type JobDefinition<P> = {
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
  handler: (payload: P, meta?: { retryCount: number; isLastAttempt: boolean }) => Promise<void>;
  /**
   * Recurring work: a cron expression (UTC). pg-boss keeps one schedule per name in the database
   * and sends one job per tick whatever the number of processes.
   */
  cron?: string;
  /**
   * A run was interrupted (its process died) and no retry is left: leave the subject in a state a
   * person can act on (e.g. an import "failed", resumable).
   */
  onInterrupted?: (payload: P) => Promise<void>;
};

export type Jobs = {
  send<P extends object>(
    def: Pick<JobDefinition<P>, 'name'>,
    payload: P,
    opts?: { singletonKey?: string },
  ): Promise<void>;
  /**
   * `exclusive`: this process alone uses the database (the embedded one, behind its data-directory
   * lock), so every other worker on record is dead and what it ran is handed back at once.
   */
  start(definitions: JobDefinition<never>[], opts: { workers: boolean; exclusive?: boolean }): Promise<void>;
  /** Hand back what dead workers were running (also runs by itself every few seconds). */
  reapInterrupted(): Promise<number>;
  stop(): Promise<void>;
};

/** How often a worker process writes its heartbeat, and after how long without one it is dead. */
export const HEARTBEAT_SECONDS = 2;
export const DEAD_AFTER_SECONDS = 10;
/** How often each worker process looks for runs of dead workers. */
const REAP_SECONDS = 3;
/** pg-boss marks a job active before our run row is written; a crash in that gap is found after this. */
const UNCLAIMED_ACTIVE_SECONDS = 60;

/**
 * pg-boss on the same database as the app. On PGlite it runs through our SQL executor, so the
 * embedded install needs no second service either.
 *
 * A crash must not leave a job "active" until pg-boss's expiry (15 minutes): each worker process
 * keeps a heartbeat row (`job_workers`) and records each job it runs (`job_runs`). Every worker
 * process, at start and every few seconds, fails the runs of workers whose heartbeat stopped, so
 * pg-boss retries them after their retry delay (decision 021).
 */
export function createJobs(database: Database, log: Logger): Jobs {
  // Schedules are looked at every 10 s (pg-boss: 30 s), so a tick is sent at most ~10 s late.
  const cron = { cronMonitorIntervalSeconds: 10 };
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({ connectionString: database.connectionString!, max: 4, ...cron })
      : new PgBoss({ db: { executeSql: database.executeSql } as never, supervise: true, ...cron });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  let started: Promise<unknown> | undefined;
  const ensureStarted = () => (started ??= boss.start());
  // This process's workers by queue: a job sent from here wakes its worker at once instead of
  // waiting for the next poll (pg-boss polls at most every 0.5 s).
  const localWorkers = new Map<string, string>();
  const definitions = new Map<string, JobDefinition<never>>();
  const db = database.db;
  const workerId = newId();
  const timers: NodeJS.Timeout[] = [];
  let reaping: Promise<number> | null = null;

  async function reapOnce(): Promise<number> {
    const stale = sql`now() - make_interval(secs => ${DEAD_AFTER_SECONDS})`;
    // Claim the runs of dead workers (deleting them, so two reapers never fail a job twice).
    const claimed = (await db.execute(sql`
      delete from job_runs r
      where r.worker_id <> ${workerId}
        and not exists (select 1 from job_workers w where w.id = r.worker_id and w.heartbeat_at > ${stale})
      returning r.job_id as "jobId", r.queue, r.data`)) as unknown as {
      rows: { jobId: string; queue: string; data: unknown }[];
    };
    const runs = claimed.rows.filter((r) => definitions.has(r.queue));
    // Jobs pg-boss marked active whose worker died before recording the run.
    const names = [...definitions.keys()];
    if (names.length) {
      const orphans = (await db.execute(sql`
        select j.id as "jobId", j.name as queue, j.data from pgboss.job j
        where j.state = 'active' and j.name in (${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )})
          and j.started_on < now() - make_interval(secs => ${UNCLAIMED_ACTIVE_SECONDS})
          and not exists (select 1 from job_runs r where r.job_id = j.id)`)) as unknown as {
        rows: { jobId: string; queue: string; data: unknown }[];
      };
      runs.push(...orphans.rows);
    }
    for (const run of runs) {
      await boss.fail(run.queue, run.jobId, { message: 'interrupted: the process running it stopped' });
      // A crash is no reason to wait out the retry delay (meant for failing dependencies): the
      // retry may start at once. (pg-boss has no call for this; its job table is written directly.)
      await db.execute(
        sql`update pgboss.job set start_after = now() where name = ${run.queue} and id = ${run.jobId} and state = 'retry'`,
      );
      const job = await boss.getJobById(run.queue, run.jobId);
      log.warn({ queue: run.queue, jobId: run.jobId, state: job?.state }, 'interrupted job handed back');
      if (job?.state === 'failed') await definitions.get(run.queue)?.onInterrupted?.(run.data as never);
    }
    await db.execute(
      sql`delete from job_workers where id <> ${workerId} and heartbeat_at < now() - interval '1 day'`,
    );
    return runs.length;
  }

  const reapInterrupted = () => {
    reaping ??= reapOnce().finally(() => (reaping = null));
    return reaping;
  };

  async function run(def: JobDefinition<never>, job: PgBoss.JobWithMetadata<unknown>) {
    await db.insert(jobRuns).values({ jobId: job.id, queue: def.name, workerId, data: job.data });
    try {
      await def.handler(job.data as never, {
        retryCount: job.retryCount,
        isLastAttempt: job.retryCount >= job.retryLimit,
      });
    } finally {
      await db.delete(jobRuns).where(eq(jobRuns.jobId, job.id));
    }
  }

  return {
    async send(def, payload, opts) {
      await ensureStarted();
      await boss.send(def.name, payload, opts?.singletonKey ? { singletonKey: opts.singletonKey } : {});
      const worker = localWorkers.get(def.name);
      if (worker) boss.notifyWorker(worker);
    },
    reapInterrupted,
    async start(defs, { workers, exclusive }) {
      await ensureStarted();
      for (const def of defs) {
        await boss.createQueue(def.name, {
          name: def.name,
          retryLimit: def.retryLimit,
          retryDelay: def.retryDelaySeconds,
          retryBackoff: true,
        });
        definitions.set(def.name, def);
        // Registered by every process; pg-boss keeps one row per name (an upsert).
        if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
      }
      if (!workers) return;
      await db
        .insert(jobWorkers)
        .values({ id: workerId, pid: process.pid, host: os.hostname(), heartbeatAt: sql`now()` as never });
      if (exclusive) await db.execute(sql`delete from job_workers where id <> ${workerId}`);
      const beat = () =>
        void db
          .update(jobWorkers)
          .set({ heartbeatAt: sql`now()` as never })
          .where(eq(jobWorkers.id, workerId))
          .catch((err: unknown) => log.error({ err }, 'job worker heartbeat failed'));
      timers.push(setInterval(beat, HEARTBEAT_SECONDS * 1000));
      timers.push(
        setInterval(
          () => void reapInterrupted().catch((err: unknown) => log.error({ err }, 'job reaper failed')),
          REAP_SECONDS * 1000,
        ),
      );
      for (const t of timers) t.unref();
      await reapInterrupted();
      for (const def of defs) {
        const id = await boss.work(
          def.name,
          { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true },
          async (jobs) => {
            for (const job of jobs) await run(def, job);
          },
        );
        localWorkers.set(def.name, id);
      }
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      if (!started) return;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      await reaping?.catch(() => undefined);
      // The worker row stays: if a handler outlived the graceful wait, its heartbeat stops now and
      // another process (or the next start) hands its job back once it is stale.
    },
  };
}
