/**
 * Benchmark target for bench/me.ts, run as its own process so the load generator does not share
 * its event loop. Recreates the bench PostgreSQL database (BENCH_DATABASE_URL), opens OpenAMS on
 * it, creates accounts and signs their admins in, then serves two apps on 127.0.0.1 ephemeral
 * ports: the real app and a bare Fastify app (`GET /bare`) as the baseline. Prints
 * `{ appPort, barePort, cookies }` (one session cookie per load connection) as one JSON line on stdout and runs until SIGTERM/SIGINT.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { createAccount } from '../../src/modules/onboarding/index.ts';
import { login } from '../../src/modules/auth/login.ts';
import { buildApp } from '../../src/server/app.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { benchDatabaseUrl, takeFreshDatabase } from './database.ts';

const portOf = (app: FastifyInstance) => (app.server.address() as AddressInfo).port;

async function main() {
  const databaseUrl = benchDatabaseUrl();
  const database = await takeFreshDatabase(databaseUrl);
  // The rest of the environment passes through, so e.g. DATABASE_POOL_SIZE can be varied per run.
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ...process.env,
    DATABASE_URL: databaseUrl,
    JOBS: 'off',
  });
  const runtime = await openRuntime(config, { role: 'server', workers: false });

  // One account, admin and session per load connection (SESSIONS, default 50), so concurrent
  // requests look up distinct sessions of distinct accounts, as real traffic does.
  const sessions = Number(process.env.SESSIONS ?? 50);
  const password = 'bench-password-1234';
  const cookies: string[] = [];
  for (let i = 0; i < sessions; i++) {
    const suffix = `${Date.now().toString(36)}${process.pid.toString(36)}${i}`;
    await createAccount(runtime.db, {
      name: `Bench ${suffix}`,
      package: 'scale',
      admin: { email: `bench-${suffix}@bench.example.com`, username: `bench-${suffix}`, password },
    });
    const { token } = await login(runtime, { login: `bench-${suffix}`, password, ctx: {} });
    cookies.push(`${SESSION_COOKIE}=${token}`);
  }

  const app = await buildApp(runtime, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });

  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([app.close(), bare.close()]);
    await runtime.shutdown();
    await database.release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  process.stdout.write(`${JSON.stringify({ appPort: portOf(app), barePort: portOf(bare), cookies })}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
