/**
 * Issue 13: the Twilio inbound-SMS webhook under load — each request signed by the twilio package
 * (as Twilio signs it), checked with `validateRequest`, the sender matched among 100,000 Sales
 * Records and 10,000 Individuals by phone, the text stored with its record links, opt-out keywords
 * applied (2% STOP, 1% HELP answered in TwiML), and a live event NOTIFY'd on commit (this process
 * LISTENs on PostgreSQL and counts them). Target: ≥ 500 texts/s with p99 < 50 ms on PostgreSQL.
 * The server runs in a child process (bench/support/inbound-server.ts); this process only sends.
 *
 *   npm run bench -- messaging-inbound                      # PostgreSQL
 *   BENCH_ENGINE=pglite npm run bench -- messaging-inbound  # embedded PGlite (figures only)
 *
 * INBOUND_CONCURRENCY (default 10), INBOUND_SECONDS (default 10, after a 3 s warm-up);
 * BENCH_INBOUND_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench_in, dropped and
 * recreated).
 */
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import twilio from 'twilio';
import { CpuMeter } from './support/cpu.ts';
import {
  ACCOUNT_NUMBER,
  BASE_URL,
  individualPhone,
  INDIVIDUALS,
  recordPhone,
  SALES_RECORDS,
  TOKEN,
} from './support/inbound-server.ts';
import { loadAverage, startServerProcess } from './support/server-process.ts';

const CONCURRENCY = Number(process.env.INBOUND_CONCURRENCY ?? 10);
const SECONDS = Number(process.env.INBOUND_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const pglite = process.env.BENCH_ENGINE === 'pglite';
const url = process.env.BENCH_INBOUND_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_in';
const WEBHOOK = '/api/webhooks/twilio/sms';

type Ready = { port: number; accountId: string; engine: string };

let n = 0;
/** The i-th text: 85% from a Sales Record, 5% from an Individual, 10% from an unknown number. */
function form(): Record<string, string> {
  const i = n++;
  const r = (i * 2_654_435_761) >>> 0;
  const kind = r % 100;
  const from =
    kind < 85
      ? recordPhone(r % SALES_RECORDS)
      : kind < 90
        ? individualPhone(r % INDIVIDUALS)
        : `+1${7185550000 + (r % 1_000_000)}`;
  const body = kind % 50 === 7 ? 'STOP' : kind % 100 === 13 ? 'HELP' : `Is Tuesday at ${i % 12} still good?`;
  const sid = `SM${i.toString(16).padStart(8, '0')}${process.pid.toString(16).padStart(8, '0')}${'0'.repeat(16)}`;
  return {
    ToCountry: 'US',
    SmsMessageSid: sid,
    NumMedia: '0',
    From: from,
    To: ACCOUNT_NUMBER,
    Body: body,
    MessageSid: sid,
    AccountSid: `AC${'1'.repeat(32)}`,
    SmsStatus: 'received',
    NumSegments: '1',
    ApiVersion: '2010-04-01',
  };
}

async function main() {
  const server = startServerProcess<Ready>({
    script: 'bench/support/inbound-server.ts',
    env: {
      BENCH_DATABASE_URL: url,
      DATA_DIR: path.join(os.tmpdir(), 'openams-bench-inbound'),
      ...(pglite ? { BENCH_ENGINE: 'pglite' } : {}),
    },
    isReady: (r) => typeof r.port === 'number',
    timeoutSeconds: 600,
  });
  let listener: pg.Client | null = null;
  try {
    const { port, engine } = await server.ready;
    let notified = 0;
    if (!pglite) {
      listener = new pg.Client({ connectionString: url });
      await listener.connect();
      await listener.query('listen openams_live');
      listener.on('notification', () => notified++);
    }
    const run = (seconds: number) =>
      new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
        const latencies: number[] = [];
        const instance = autocannon(
          {
            url: `http://127.0.0.1:${port}`,
            connections: CONCURRENCY,
            pipelining: 1,
            duration: seconds,
            requests: [
              {
                method: 'POST',
                path: WEBHOOK,
                setupRequest: (req) => {
                  const params = form();
                  return {
                    ...req,
                    headers: {
                      'content-type': 'application/x-www-form-urlencoded',
                      'x-twilio-signature': twilio.getExpectedTwilioSignature(
                        TOKEN,
                        `${BASE_URL}${WEBHOOK}`,
                        params,
                      ),
                    },
                    body: new URLSearchParams(params).toString(),
                  };
                },
              },
            ],
          },
          (err: unknown, result: autocannon.Result) => (err ? reject(err) : resolve({ result, latencies })),
        );
        instance.on('response', (_c, _s, _b, ms) => latencies.push(ms));
      });
    await run(WARMUP_SECONDS);
    const stored0 = pglite ? 0 : await countMessages();
    notified = 0;
    const loadBefore = loadAverage();
    const meter = pglite ? null : new CpuMeter(server.pid, new URL(url).pathname.slice(1));
    meter?.start();
    const { result, latencies } = await run(SECONDS);
    const cpu = meter?.stop();
    await new Promise((r) => setTimeout(r, 500));
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
    const rps = result.requests.total / SECONDS;
    const errors = result.non2xx + result.errors;
    console.log(
      `inbound webhook (${engine}): ${result.requests.total} texts in ${SECONDS} s at ${CONCURRENCY} connections, ${result.non2xx} not 2xx, ${result.errors} errors; load average before ${loadBefore}, after ${loadAverage()}`,
    );
    console.log(
      `  texts/s: ${rps.toFixed(0)}; latency p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`,
    );
    if (!pglite) {
      const stored = (await countMessages()) - stored0;
      console.log(
        `  messages stored (texts + TwiML answers): ${stored}; live events heard by a LISTEN client: ${notified}`,
      );
    }
    if (cpu)
      console.log(
        `  CPU (% of one core): server ${cpu.server.toFixed(0)}%, PostgreSQL ${cpu.postgres.toFixed(0)}%, autocannon ${cpu.loadGenerator.toFixed(0)}%, other ${cpu.other.toFixed(0)}%`,
      );
    const pass = rps >= 500 && pct(99) < 50 && errors === 0;
    console.log(
      `target ≥ 500 texts/s and p99 < 50 ms: ${pass ? 'PASS' : 'FAIL'}${pglite ? ' (PGlite: for the record)' : ''}`,
    );
    process.exitCode = pass || (pglite && errors === 0) ? 0 : 1;
  } finally {
    await listener?.end();
    await server.stop();
  }
}

async function countMessages(): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query('select count(*) from messages')).rows[0].count);
  } finally {
    await c.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
