import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, until } from '../../test/support/app.ts';
import { startSmtpServer } from '../../test/support/smtp.ts';
import { deliverEmailDefinition, deliverEmailJob } from '../modules/email/index.ts';
import { queueEmail } from '../modules/email/index.ts';
import { emails } from '../modules/email/schema.ts';
import { openRuntime, type Runtime } from '../server/runtime.ts';
import { createJobs, type JobDefinition } from './queue.ts';
import { jobRuns, jobWorkers } from './schema.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const log = pino({ level: 'silent' });
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('what a crash interrupts is picked up again promptly', () => {
  it('a job whose worker died is handed back at once and run again by a live worker', async () => {
    const queue = `test.crash.${Date.now()}`;
    const runs: { worker: string; payload: unknown }[] = [];
    const def = (worker: string, handler: () => Promise<void>): JobDefinition<never> => ({
      name: queue,
      retryLimit: 2,
      retryDelaySeconds: 60, // a crash is not a failure: the retry must not wait for this
      handler: async (payload) => {
        runs.push({ worker, payload });
        await handler();
      },
    });
    // The dying process: takes the job and never finishes it.
    const dying = createJobs(t.deps.database, log);
    await dying.start([def('dying', () => new Promise<void>(() => undefined))], { workers: true });
    await dying.send({ name: queue }, { n: 1 });
    await until(
      async () => (await t.deps.db.select().from(jobRuns).where(eq(jobRuns.queue, queue))).length === 1,
    );
    const [run] = await t.deps.db.select().from(jobRuns).where(eq(jobRuns.queue, queue));
    // It dies: its heartbeat stops (kill -9 leaves its rows as they are).
    await dying.stop();
    await t.deps.db
      .update(jobWorkers)
      .set({ heartbeatAt: sql`now() - interval '11 seconds'` as never })
      .where(eq(jobWorkers.id, run!.workerId));

    const live = createJobs(t.deps.database, log);
    const started = Date.now();
    try {
      await live.start([def('live', async () => undefined)], { workers: true });
      await until(async () => runs.some((r) => r.worker === 'live'), 15_000);
      const handedBackAfter = Date.now() - started;
      expect(handedBackAfter).toBeLessThan(5_000);
      expect(runs).toEqual([
        { worker: 'dying', payload: { n: 1 } },
        { worker: 'live', payload: { n: 1 } },
      ]);
      await until(
        async () => (await t.deps.db.select().from(jobRuns).where(eq(jobRuns.queue, queue))).length === 0,
      );
      const [job] = rows<{ state: string; retry_count: number }>(
        await t.deps.db.execute(sql`select state, retry_count from pgboss.job where name = ${queue}`),
      );
      expect(job).toEqual({ state: 'completed', retry_count: 1 });
    } finally {
      await live.stop();
    }
  });

  it('a live worker’s job is left alone', async () => {
    const queue = `test.alive.${Date.now()}`;
    let finish = () => undefined as void;
    const done = new Promise<void>((r) => (finish = r));
    let calls = 0;
    const one = createJobs(t.deps.database, log);
    const other = createJobs(t.deps.database, log);
    const def: JobDefinition<never> = {
      name: queue,
      retryLimit: 2,
      retryDelaySeconds: 1,
      handler: async () => {
        calls++;
        await done;
      },
    };
    try {
      await one.start([def], { workers: true });
      await one.send({ name: queue }, {});
      await until(async () => calls === 1);
      await other.start([{ ...def, handler: async () => void calls++ }], { workers: true });
      expect(await other.reapInterrupted()).toBe(0);
      await new Promise((r) => setTimeout(r, 1500));
      expect(calls).toBe(1);
    } finally {
      finish();
      await one.stop();
      await other.stop();
    }
  });

  it('an email whose delivery a crash interrupted is never sent a second time: it is marked failed', async () => {
    const a = await t.newAccount();
    const { id } = await queueEmail(t.deps.db, a.accountId, {
      kind: 'test',
      to: 'once@example.test',
      subject: 'Once',
      text: 'Only once',
    });
    const where = and(eq(emails.accountId, a.accountId), eq(emails.id, id));
    // The process that claimed it died between handing it to the SMTP server and recording it as sent.
    await t.deps.db.update(emails).set({ status: 'sending', attempts: 1 }).where(where);
    const jobs = createJobs(t.deps.database, log);
    const runtime = { ...t.deps, jobs };
    try {
      await jobs.start([deliverEmailDefinition(runtime) as JobDefinition<never>], { workers: true });
      await jobs.send(deliverEmailJob, { accountId: a.accountId, emailId: id });
      await until(async () => (await t.deps.db.select().from(emails).where(where))[0]!.status === 'failed');
      const [email] = await t.deps.db.select().from(emails).where(where);
      expect(email).toMatchObject({ status: 'failed', attempts: 1 });
      expect(email!.lastError).toMatch(/^Interrupted while being sent/);
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.mails.filter((m) => m.to.includes('once@example.test'))).toEqual([]);
    } finally {
      await jobs.stop();
    }
  });
});

describe('recurring work on pg-boss schedules', () => {
  it('two app instances on one database register each schedule once and run the email sweep once per tick', async () => {
    const instances: Runtime[] = [];
    try {
      for (let i = 0; i < 2; i++)
        instances.push(
          await openRuntime(t.deps.config, { role: 'server', database: t.deps.database, workers: true }),
        );
      const schedules = rows<{ name: string; cron: string }>(
        await t.deps.db.execute(sql`select name, cron from pgboss.schedule order by name`),
      );
      expect(schedules).toEqual([
        { name: 'email.sweep', cron: '* * * * *' },
        { name: 'sales-records.purge-deleted', cron: '0 * * * *' },
      ]);
      // The sweep is due every minute: within seconds one run is made for this minute, and each
      // minute (pg-boss's cron slot) has exactly one, however many instances poll the schedule.
      const sweeps = async () =>
        rows<{ jobs: number; ticks: number; sends: number }>(
          await t.deps.db.execute(sql`select
            (select count(*)::int from pgboss.job where name = 'email.sweep') as jobs,
            (select count(distinct singleton_on)::int from pgboss.job where name = '__pgboss__send-it' and data ->> 'name' = 'email.sweep') as ticks,
            (select count(*)::int from pgboss.job where name = '__pgboss__send-it' and data ->> 'name' = 'email.sweep') as sends`),
        )[0]!;
      await until(async () => (await sweeps()).jobs >= 1, 40_000);
      await new Promise((r) => setTimeout(r, 6_000)); // past the other instance's cron poll
      const after = await sweeps();
      expect(after.jobs).toBeGreaterThanOrEqual(1);
      expect(after.sends).toBe(after.ticks);
      expect(after.jobs).toBe(after.ticks);
    } finally {
      for (const r of instances) await r.jobs.stop();
    }
  }, 90_000);
});
