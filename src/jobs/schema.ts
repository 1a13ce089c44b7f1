import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from '../db/columns.ts';

/**
 * Each process that runs job workers, with its heartbeat: a worker whose heartbeat stops is dead,
 * and what it was running is handed back to the queue at once (decision 021).
 */
export const jobWorkers = pgTable('job_workers', {
  id: uuid('id').primaryKey(),
  pid: integer('pid').notNull(),
  host: text('host').notNull(),
  startedAt: createdAt(),
  heartbeatAt: ts('heartbeat_at').notNull(),
});

/** A job being run, and by which worker: what a dead worker leaves here was interrupted. */
export const jobRuns = pgTable(
  'job_runs',
  {
    jobId: uuid('job_id').primaryKey(),
    queue: text('queue').notNull(),
    workerId: uuid('worker_id').notNull(),
    data: jsonb('data').$type<unknown>(),
    startedAt: createdAt(),
  },
  (t) => [index('job_runs_worker_idx').on(t.workerId)],
);
