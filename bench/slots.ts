// Benchmark: open slots of a 10-user schedule over a 60-day horizon with 2,000 existing
// appointments. Target (issue 6): computed in under 50 ms — measured for the pure function alone
// and for the whole public endpoint (GET …/slots, 60 days) on PostgreSQL, p95 of sequential
// requests. The server runs in a child process. Run: npm run bench -- slots
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import {
  openSlots,
  type SlotRules,
  type SlotUser,
  type WeeklyHours,
} from '../src/modules/scheduler/slots.ts';
import { CpuMeter } from './support/cpu.ts';

const USERS = 10;
const APPOINTMENTS = 2_000;
const DAYS = 60;
const ZONE = 'America/New_York';
const day = [{ start: '08:00', end: '18:00' }];
const WEEK: WeeklyHours = {
  monday: day,
  tuesday: day,
  wednesday: day,
  thursday: day,
  friday: day,
  saturday: [{ start: '09:00', end: '13:00' }],
  sunday: [],
};
const RULES: SlotRules = {
  timeZone: ZONE,
  weeklyHours: WEEK,
  dateOverrides: [{ date: DateTime.now().setZone(ZONE).plus({ days: 10 }).toISODate()!, hours: [] }],
  daysOff: [DateTime.now().setZone(ZONE).plus({ days: 20 }).toISODate()!],
  lengthMinutes: 30,
  bufferBeforeMinutes: 10,
  bufferAfterMinutes: 10,
  minimumNoticeMinutes: 120,
  horizonDays: DAYS,
};

/** 2,000 half-hour appointments on the working hours of the next 60 days, spread over the users. */
function appointments(now: number): { userIndex: number; start: number; end: number }[] {
  const out: { userIndex: number; start: number; end: number }[] = [];
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const today = DateTime.fromMillis(now, { zone: ZONE }).startOf('day');
  while (out.length < APPOINTMENTS) {
    const d = today.plus({ days: 1 + Math.floor(rand() * (DAYS - 1)) });
    const start = d.set({ hour: 8 + Math.floor(rand() * 10), minute: rand() < 0.5 ? 0 : 30 }).toMillis();
    out.push({ userIndex: Math.floor(rand() * USERS), start, end: start + 30 * 60_000 });
  }
  return out;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

if (process.argv[2] === 'server') {
  const { openScheduleBench } = await import('./support/schedule-bench.ts');
  const { createSchedule } = await import('../src/modules/scheduler/schedules.ts');
  const bench = await openScheduleBench({ name: 'slots', users: USERS, userTimeZone: ZONE });
  const { runtime, actor, accountId, userIds, sql: c } = bench;
  const { type, status } = { type: bench.activityTypeId, status: bench.activityStatusId };
  const s = await createSchedule(runtime, {
    actor,
    input: {
      name: 'Bench',
      slug: `bench-${Date.now()}`,
      ownerUserId: null,
      userIds,
      timeZone: RULES.timeZone,
      lengthMinutes: RULES.lengthMinutes,
      weeklyHours: RULES.weeklyHours,
      dateOverrides: RULES.dateOverrides,
      daysOff: RULES.daysOff,
      bufferBeforeMinutes: RULES.bufferBeforeMinutes,
      bufferAfterMinutes: RULES.bufferAfterMinutes,
      minimumNoticeMinutes: RULES.minimumNoticeMinutes,
      horizonDays: RULES.horizonDays,
      activityTypeId: type,
      activityStatusId: status,
      form: { phoneRequired: false, questions: [] },
      active: true,
    },
  });
  const appts = appointments(Date.now());
  await c.query(
    `insert into activities (account_id, id, activity_type_id, status_id, subject, owner_user_id, starts_at, ends_at, source)
     select $1, gen_random_uuid(), $2, $3, 'Existing', u, to_timestamp(s / 1000.0), to_timestamp(e / 1000.0), 'manual'
     from unnest($4::uuid[], $5::float8[], $6::float8[]) as t(u, s, e)`,
    [
      accountId,
      type,
      status,
      appts.map((a) => userIds[a.userIndex]),
      appts.map((a) => a.start),
      appts.map((a) => a.end),
    ],
  );
  await bench.ready(s.slug);
} else {
  // 1. The pure function alone.
  const now = Date.now();
  const appts = appointments(now);
  const users: SlotUser[] = Array.from({ length: USERS }, (_, i) => ({
    userId: `user-${i}`,
    // Half the users have their own (personal schedule) hours.
    hours: i % 2 ? { timeZone: 'America/Chicago', weeklyHours: WEEK, dateOverrides: [], daysOff: [] } : null,
    busy: appts.filter((a) => a.userIndex === i).map((a) => ({ start: a.start, end: a.end })),
  }));
  const compute = () => openSlots({ rules: RULES, users, now, from: now, to: now + DAYS * 86_400_000 });
  for (let i = 0; i < 20; i++) compute(); // warm-up (JIT)
  const pure: number[] = [];
  let count = 0;
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    count = compute().length;
    pure.push(performance.now() - t);
  }
  pure.sort((a, b) => a - b);
  console.log(
    `pure openSlots: ${USERS} users, ${APPOINTMENTS} appointments, ${DAYS} days → ${count} open slots; ` +
      `p50 ${pct(pure, 50).toFixed(2)} ms, p95 ${pct(pure, 95).toFixed(2)} ms`,
  );

  // 2. The whole endpoint on PostgreSQL.
  const child = fork(path.resolve(import.meta.filename), ['server'], { execArgv: ['--import', 'tsx'] });
  const { port, slug } = await new Promise<{ port: number; slug: string }>((r) =>
    child.once('message', (m) => r(m as { port: number; slug: string })),
  );
  const from = DateTime.now().setZone(ZONE).toISODate()!;
  const to = DateTime.now()
    .setZone(ZONE)
    .plus({ days: DAYS - 1 })
    .toISODate()!;
  const url = `http://127.0.0.1:${port}/api/public/v1/schedules/${slug}/slots?from=${from}&to=${to}&timeZone=${ZONE}`;
  let n = 0;
  let errors = 0;
  let slots = 0;
  const get = async () => {
    const t = performance.now();
    // A new client address each time: the public routes are rate limited per IP.
    const res = await fetch(url, { headers: { 'x-forwarded-for': `10.9.${(n >> 8) & 255}.${n++ & 255}` } });
    const body = (await res.json()) as { slots?: unknown[] };
    if (res.status !== 200) errors++;
    slots = body.slots?.length ?? 0;
    return performance.now() - t;
  };
  for (let i = 0; i < 20; i++) await get();
  const http: number[] = [];
  const meter = new CpuMeter(child.pid!, 'openams_bench_slots');
  meter.start();
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) http.push(await get());
  const cpu = meter.stop();
  const perRequest = (share: number | undefined) =>
    share === undefined ? '?' : (((share / 100) * (performance.now() - t0)) / http.length).toFixed(1);
  http.sort((a, b) => a - b);
  console.log(
    `GET …/slots (60 days, PostgreSQL): ${http.length} sequential requests, ${slots} slots each, ${errors} not 200; ` +
      `p50 ${pct(http, 50).toFixed(1)} ms, p95 ${pct(http, 95).toFixed(1)} ms`,
  );
  console.log(
    `  CPU per request: server ${perRequest(cpu?.server)} ms, PostgreSQL ${perRequest(cpu?.postgres)} ms; ` +
      `other processes on the machine used ${cpu ? (cpu.other / 100).toFixed(1) : '?'} cores meanwhile (load ${os.loadavg()[0]!.toFixed(1)})`,
  );
  const pass = pct(pure, 95) < 50 && pct(http, 95) < 50 && errors === 0;
  console.log(`target: under 50 ms (p95), pure and endpoint: ${pass ? 'PASS' : 'FAIL'}`);
  child.kill('SIGTERM');
  process.exitCode = pass ? 0 : 1;
}
