/**
 * Issue 2: authenticated `GET /api/v1/me` on PostgreSQL at 50 connections, measured in the same run
 * as a bare Fastify route, each connection signed in as the admin of its own account. Targets: at least 10% of the bare route's requests per second, and /me
 * p99 under 25 ms. The server runs in a child process (bench/support/me-server.ts); this process
 * only generates load. Exits 1 when a target is missed.
 *
 *   npm run bench -- me
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/openams_bench) is dropped and
 * recreated; other variables (e.g. DATABASE_POOL_SIZE) reach the server's loadConfig().
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { CpuMeter, type CpuSplit } from './support/cpu.ts';
import { startServerProcess } from './support/server-process.ts';
import { benchDatabaseUrl } from './support/database.ts';

const CONNECTIONS = 50;
const PIPELINING = 1;
const WARMUP_SECONDS = 3;
const MEASURE_SECONDS = 15;
const MIN_RATIO = 0.1;
const MAX_P99_MS = 25;
/** CPU used by unrelated processes during a measurement (% of one core) above which we warn. */
const OTHER_CPU_WARN = 20;

type Ready = { appPort: number; barePort: number; cookies: string[] };
type Measured = {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  cpu: CpuSplit | null;
};

const startServer = () =>
  startServerProcess<Ready>({
    script: 'bench/support/me-server.ts',
    isReady: (r) => Boolean(r.appPort && r.barePort && r.cookies?.length),
    timeoutSeconds: 120,
  });

/** Each connection sends its own session cookie (one signed-in user per connection) when given. */
const load = (url: string, cookies: string[], seconds: number) => {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: PIPELINING,
    duration: seconds,
    setupClient: (client) => {
      if (cookies.length > 0) client.setHeaders({ cookie: cookies[next++ % cookies.length]! });
    },
  });
};

/** Warm up (result discarded), then measure, noting where the CPU went meanwhile. */
async function measure(
  meter: CpuMeter,
  label: string,
  url: string,
  cookies: string[] = [],
): Promise<Measured> {
  console.log(
    `${label}: ${WARMUP_SECONDS} s warm-up, then ${MEASURE_SECONDS} s measured, ${CONNECTIONS} connections`,
  );
  await load(url, cookies, WARMUP_SECONDS);
  meter.start();
  const r = await load(url, cookies, MEASURE_SECONDS);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    cpu: meter.stop(),
  };
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const pct = (n: number | undefined) => (n === undefined ? 'n/a' : `${fmt(n)}%`);

const row = (m: Measured) => ({
  'req/s': fmt(m.rps),
  'p50 ms': m.p50,
  'p99 ms': m.p99,
  requests: m.total,
  'non-2xx': m.non2xx,
  errors: m.errors,
  'CPU server': pct(m.cpu?.server),
  'CPU postgres': pct(m.cpu?.postgres),
  'CPU autocannon': pct(m.cpu?.loadGenerator),
  'CPU irq': pct(m.cpu?.irq),
  'CPU other': pct(m.cpu?.other),
});

async function main() {
  const server = startServer();
  try {
    const { appPort, barePort, cookies } = await server.ready;
    const bareUrl = `http://127.0.0.1:${barePort}/bare`;
    const meUrl = `http://127.0.0.1:${appPort}/api/v1/me`;

    for (const cookie of cookies) {
      const check = await fetch(meUrl, { headers: { cookie } });
      if (check.status !== 200) {
        throw new Error(`GET /api/v1/me answered ${check.status}, expected 200: ${await check.text()}`);
      }
      await check.arrayBuffer();
    }

    const database = decodeURIComponent(new URL(benchDatabaseUrl()).pathname.slice(1));
    const meter = new CpuMeter(server.pid, database);
    const bare = await measure(meter, 'GET /bare', bareUrl);
    const me = await measure(meter, 'GET /api/v1/me', meUrl, cookies);
    const ratio = me.rps / bare.rps;

    console.log('');
    console.log(
      `${new Date().toISOString()}; ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB, ` +
        `Node ${process.version}; DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE || `${2 * os.availableParallelism() + 2} (default: 2 × cores + 2)`}; ` +
        'CPU in % of one core',
    );
    console.table({ 'GET /bare': row(bare), 'GET /api/v1/me': row(me) });

    const other = Math.max(bare.cpu?.other ?? 0, me.cpu?.other ?? 0);
    if (other > OTHER_CPU_WARN) {
      console.warn(
        `WARNING: other processes used up to ${fmt(other)}% of a core during the measurements; ` +
          'the figures are disturbed. Run again on a quiet machine.',
      );
    }

    const non2xx = bare.non2xx + me.non2xx;
    const errors = bare.errors + me.errors;
    const checks = [
      {
        name: `/me req/s ≥ ${MIN_RATIO * 100}% of /bare`,
        value: `${fmt(ratio * 100, 1)}%`,
        ok: ratio >= MIN_RATIO,
      },
      { name: `/me p99 < ${MAX_P99_MS} ms`, value: `${me.p99} ms`, ok: me.p99 < MAX_P99_MS },
      { name: 'non-2xx responses = 0', value: String(non2xx), ok: non2xx === 0 },
      { name: 'connection errors = 0', value: String(errors), ok: errors === 0 },
    ];
    for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.value}`);
    const pass = checks.every((c) => c.ok);
    console.log(pass ? 'RESULT: PASS' : 'RESULT: FAIL');
    process.exitCode = pass ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
