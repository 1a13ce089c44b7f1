/**
 * Issue 5: HTTP POST lead intake on PostgreSQL — unique leads posted form-encoded by concurrent
 * clients, each with an Idempotency-Key, as a lead vendor sends them. Target: ≥ 500 leads/s with
 * p99 < 100 ms. The server runs in a child process (bench/support/intake-server.ts, no job
 * workers); this process only sends, with autocannon. Exits 1 when the target is missed or a post is
 * not answered 2xx.
 *
 *   npm run bench -- lead-post
 *
 * POST_CONCURRENCY (default 20), POST_SECONDS (default 10, after a 2 s warm-up);
 * BENCH_POST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/openams_bench_post, dropped
 * and recreated); BENCH_QUIET_WAIT_SECONDS (default 60): how long to wait for a quiet machine;
 * BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof".
 */
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { CpuMeter } from './support/cpu.ts';
import { busyShare, loadAverage, startServerProcess } from './support/server-process.ts';

const CONCURRENCY = Number(process.env.POST_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.POST_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const url = process.env.BENCH_POST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/openams_bench_post';
const QUIET_WAIT_SECONDS = Number(process.env.BENCH_QUIET_WAIT_SECONDS ?? 60);

type Ready = { port: number; apiKey: string };

const startServer = () =>
  startServerProcess<Ready>({
    script: 'bench/support/intake-server.ts',
    env: { BENCH_DATABASE_URL: url, DATA_DIR: path.join(os.tmpdir(), 'openams-bench-post'), JOBS: 'off' },
    isReady: (r) => typeof r.port === 'number',
  });

async function main() {
  const server = startServer();
  try {
    const { port, apiKey } = await server.ready;
    const origin = `http://127.0.0.1:${port}`;
    let n = 0;
    /** One autocannon run; every post is a new lead with its own Idempotency-Key. */
    const run = (seconds: number) =>
      new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
        const latencies: number[] = [];
        const instance = autocannon(
          {
            url: origin,
            connections: CONCURRENCY,
            pipelining: 1,
            duration: seconds,
            requests: [
              {
                method: 'POST',
                path: '/api/v1/inbound/leads',
                setupRequest: (req) => {
                  const i = n++;
                  const body = new URLSearchParams({
                    firstName: `Lead${i}`,
                    lastName: 'Poster',
                    email: `lead${i}@example.net`,
                    phone: `(${201 + (Math.floor(i / 10000) % 700)}) 555-${String(i % 10000).padStart(4, '0')}`,
                    state: 'FL',
                    note: 'From the website form',
                  }).toString();
                  return {
                    ...req,
                    headers: {
                      authorization: `Bearer ${apiKey}`,
                      'content-type': 'application/x-www-form-urlencoded',
                      'idempotency-key': `bench-${i}`,
                    },
                    body,
                  };
                },
              },
            ],
          },
          (err: unknown, result: autocannon.Result) => (err ? reject(err) : resolve({ result, latencies })),
        );
        instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      });
    await run(WARMUP_SECONDS);
    // Steady state: statistics for the tables the warm-up filled, as autovacuum would make within
    // its first minute; without them a brand-new database's foreign-key checks use plans made for
    // empty tables (see docs/decisions/013-import-pipeline.md).
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query('analyze');
    await db.end();
    let busy = await busyShare(2000);
    const quietBy = Date.now() + QUIET_WAIT_SECONDS * 1000;
    while (busy > 0.15 && Date.now() < quietBy) busy = await busyShare(2000);
    const loadBefore = loadAverage();
    const meter = new CpuMeter(server.pid, new URL(url).pathname.slice(1));
    meter.start();
    const { result, latencies } = await run(SECONDS);
    const cpu = meter.stop();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
    const rps = result.requests.total / SECONDS;
    const errors = result.non2xx + result.errors;
    console.log(
      `lead posts: ${result.requests.total} in ${SECONDS} s at ${CONCURRENCY} connections, ${result.non2xx} not 2xx, ${result.errors} errors; load average before ${loadBefore}, after ${loadAverage()}`,
    );
    console.log(
      `  leads/s: ${rps.toFixed(0)}; latency p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`,
    );
    if (cpu)
      console.log(
        `  CPU (% of one core): server ${cpu.server.toFixed(0)}%, PostgreSQL ${cpu.postgres.toFixed(0)}%, autocannon ${cpu.loadGenerator.toFixed(0)}%, other processes ${cpu.other.toFixed(0)}%`,
      );
    const pass = rps >= 500 && pct(99) < 100 && errors === 0;
    console.log(`target ≥ 500 leads/s and p99 < 100 ms: ${pass ? 'PASS' : 'FAIL'}`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    await server.stop();
  }
}

await main();
