// Benchmark: HTTP POST lead intake on PostgreSQL — unique leads posted form-encoded by concurrent
// clients, each with an Idempotency-Key. Target (issue 5): ≥ 500 leads/s with p99 < 100 ms.
// The server runs in a child process; this process only sends. Run: npm run bench -- lead-post
import { fork } from 'node:child_process';
import path from 'node:path';

const CONCURRENCY = Number(process.env.POST_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.POST_SECONDS ?? 10);

if (process.argv[2] === 'server') {
  const pg = (await import('pg')).default;
  const { loadConfig } = await import('../src/config.ts');
  const { openRuntime } = await import('../src/server/runtime.ts');
  const { buildApp } = await import('../src/server/app.ts');
  const { createAccount } = await import('../src/modules/accounts/create-account.ts');
  const { createApiKey } = await import('../src/modules/api-keys/api-keys.ts');
  const url = process.env.BENCH_POST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/openams_bench_post';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`drop database if exists openams_bench_post with (force)`);
  await c.query(`create database openams_bench_post`);
  await c.end();
  const runtime = await openRuntime(
    loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn', DATA_DIR: '/tmp/openams-bench-post' }),
    { role: 'server', workers: false },
  );
  const app = await buildApp(runtime, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const acc = await createAccount(runtime.db, {
    name: 'Post bench',
    package: 'scale',
    admin: { email: 'post@example.test', username: `post${Date.now()}`, password: 'bench-password-1' },
  });
  const key = await createApiKey(runtime, {
    actor: { kind: 'system', accountId: acc.account.id, accountPackage: 'scale', ctx: {} },
    name: 'bench',
    scope: 'leads',
  });
  process.send!({ port: (app.server.address() as { port: number }).port, key: key.key });
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => runtime.shutdown())
        .then(() => process.exit(0)),
  );
} else {
  const child = fork(path.resolve(import.meta.filename), ['server'], { execArgv: ['--import', 'tsx'] });
  const { port, key } = await new Promise<{ port: number; key: string }>((r) =>
    child.once('message', (m) => r(m as { port: number; key: string })),
  );
  const url = `http://127.0.0.1:${port}/api/v1/inbound/leads`;
  let n = 0;
  const latencies: number[] = [];
  let errors = 0;
  const post = async () => {
    const i = n++;
    const body = new URLSearchParams({
      firstName: `Lead${i}`,
      lastName: 'Poster',
      email: `lead${i}@example.net`,
      phone: `(${201 + (Math.floor(i / 10000) % 700)}) 555-${String(i % 10000).padStart(4, '0')}`,
      state: 'FL',
      note: 'From the website form',
    });
    const t = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': `bench-${i}`,
      },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 201) errors++;
    return performance.now() - t;
  };
  // Warm-up, then measure.
  const run = async (ms: number, record: boolean) => {
    const end = Date.now() + ms;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < end) {
          const l = await post();
          if (record) latencies.push(l);
        }
      }),
    );
  };
  await run(2000, false);
  const t0 = performance.now();
  await run(SECONDS * 1000, true);
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  const rps = latencies.length / elapsed;
  console.log(
    `lead posts: ${latencies.length} in ${elapsed.toFixed(1)} s at ${CONCURRENCY} concurrent clients, ${errors} not 201`,
  );
  console.log(
    `  leads/s: ${rps.toFixed(0)}; latency p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`,
  );
  const pass = rps >= 500 && pct(99) < 100 && errors === 0;
  console.log(`target ≥ 500 leads/s and p99 < 100 ms: ${pass ? 'PASS' : 'FAIL'}`);
  child.kill('SIGTERM');
  process.exitCode = pass ? 0 : 1;
}
