/**
 * Issue 13: a user's text accepted — `POST /api/v1/messages` for a Sales Record, through the HTTP
 * stack (app.inject: routing, auth, validation, serialisation; no network), on the simulator.
 * Two paths, each 500 sequential sends after 50 warm-up: inside the window (stored, then handed
 * to the provider within the request: 201) and outside it with `whenOutsideWindow: "queue"` (202).
 * Target: p95 < 50 ms for the accepted send. Exits 1 when missed.
 *
 *   npm run bench -- messaging-send                     # PGlite
 *   BENCH_MSG_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_out npm run bench -- messaging-send
 */
import { setMessagingClock } from '../src/modules/messaging/clock.ts';
import { messagingWorld, percentile } from './support/messaging-world.ts';

const WARMUP = 50;
const N = 500;
const TARGET_P95_MS = 50;

async function main() {
  const w = await messagingWorld();
  const run = async (label: string, start: Date, whenOutsideWindow: 'refuse' | 'queue', status: number) => {
    const t0 = Date.now();
    setMessagingClock(() => new Date(start.getTime() + (Date.now() - t0)));
    const times: number[] = [];
    for (let i = 0; i < WARMUP + N; i++) {
      const begin = performance.now();
      const r = await w.app.inject({
        method: 'POST',
        url: '/api/v1/messages',
        headers: w.headers,
        payload: {
          channel: 'sms',
          to: { type: 'sales_record', id: w.leadId },
          body: `Hi {{firstName}}, this is {{agentName}} (${label} ${i}).`,
          whenOutsideWindow,
        },
      });
      const ms = performance.now() - begin;
      if (r.statusCode !== status) throw new Error(`${label} ${i}: ${r.statusCode} ${r.body}`);
      if (i >= WARMUP) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => percentile(times, q).toFixed(1);
    console.log(
      `${w.engine} ${label}: ${N} sends, p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, max ${p(100)} ms`,
    );
    return percentile(times, 95);
  };
  try {
    // Tuesday 10:00 in Chicago: inside every window, sent within the request.
    const sent = await run('sent (201)', new Date('2026-12-08T16:00:00Z'), 'refuse', 201);
    // Tuesday 23:00 in Chicago: queued for the morning.
    const queued = await run('queued (202)', new Date('2026-12-09T05:00:00Z'), 'queue', 202);
    const ok = sent < TARGET_P95_MS && queued < TARGET_P95_MS;
    console.log(`target p95 < ${TARGET_P95_MS} ms: ${ok ? 'PASS' : 'FAIL'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await w.close();
  }
}

await main();
