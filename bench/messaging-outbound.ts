/**
 * Issue 13: the outbound engine's throughput — 2,000 pending texts drained through the Twilio
 * provider (the official package) against the fake Twilio REST server (test/support/fake-twilio.ts,
 * a local HTTP server), pacing set to 1,000/s per number so the pace is not what is measured. Each
 * text: claimed FOR UPDATE SKIP LOCKED with its opt-out and window re-check, committed
 * `dispatching`, sent over HTTP, then `submitted` with its id. Target ≥ 100 texts/s. Exits 1 when
 * missed or when any text was not sent exactly once.
 *
 *   npm run bench -- messaging-outbound                 # PGlite
 *   BENCH_MSG_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_out npm run bench -- messaging-outbound
 */
import { and, eq, sql } from 'drizzle-orm';
import { newId } from '../src/lib/ids.ts';
import { setMessagingClock } from '../src/modules/messaging/clock.ts';
import { drainAll } from '../src/modules/messaging/outbound/engine.ts';
import { messageRecords, messages } from '../src/modules/messaging/schema.ts';
import { startFakeTwilio } from '../test/support/fake-twilio.ts';
import { messagingWorld } from './support/messaging-world.ts';

const N = Number(process.env.OUTBOUND_TEXTS ?? 2000);
const TARGET = 100;

async function main() {
  const fake = await startFakeTwilio();
  Object.assign(process.env, {
    MESSAGING_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: fake.accountSid,
    TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_API_BASE: fake.url,
  });
  const w = await messagingWorld();
  try {
    const open = new Date('2026-12-08T16:00:00Z');
    const [number] = await w.deps.db
      .execute<{ number: string }>(
        sql`select number from phone_numbers where account_id = ${w.accountId} and id = ${w.numberId}`,
      )
      .then((r) => (Array.isArray(r) ? r : (r as { rows: { number: string }[] }).rows));
    for (let i = 0; i < N; i += 500) {
      const rows = Array.from({ length: Math.min(500, N - i) }, (_, k) => ({ id: newId(), k: i + k }));
      await w.deps.db.insert(messages).values(
        rows.map((r) => ({
          accountId: w.accountId,
          id: r.id,
          channel: 'sms' as const,
          direction: 'outbound' as const,
          origin: 'user' as const,
          status: 'pending' as const,
          fromAddress: number!.number,
          toAddress: '+13122013344',
          body: `bench-${r.k}`,
          phoneNumberId: w.numberId,
          provider: 'twilio' as const,
          segments: 1,
          encoding: 'GSM-7' as const,
          sendAfter: new Date(open.getTime() - 60_000),
        })),
      );
      await w.deps.db.insert(messageRecords).values(
        rows.map((r) => ({
          accountId: w.accountId,
          messageId: r.id,
          recordType: 'sales_record' as const,
          recordId: w.leadId,
        })),
      );
    }
    const t0 = Date.now();
    setMessagingClock(() => new Date(open.getTime() + (Date.now() - t0)));
    const begin = performance.now();
    const drained = await drainAll(w.deps, { lanes: 3 });
    const seconds = (performance.now() - begin) / 1000;
    const [left] = await w.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(messages)
      .where(and(eq(messages.accountId, w.accountId), eq(messages.status, 'submitted')));
    const bodies = new Set(fake.messages.map((m) => m.body));
    const rate = drained / seconds;
    console.log(
      `${w.engine}: ${drained} texts in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} texts/s ` +
        `(fake Twilio got ${fake.messages.length}, ${bodies.size} distinct; ${left?.n} submitted)`,
    );
    const ok = rate >= TARGET && fake.messages.length === N && bodies.size === N && left?.n === N;
    console.log(`target ≥ ${TARGET} texts/s, each once: ${ok ? 'PASS' : 'FAIL'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await w.close();
    await fake.close();
  }
}

await main();
