/**
 * Benchmark target for bench/import.ts and bench/lead-post.ts (issue 5), run as its own process so
 * the load generator does not share its event loop and its CPU can be told apart. Takes the
 * database named by BENCH_DATABASE_URL (dropped and recreated under the bench lock), opens OpenAMS
 * on it (job workers when JOBS=on), creates an account, signs its admin in and makes a leads-only
 * API key, then serves the app on an ephemeral 127.0.0.1 port. Prints
 * `{ port, cookie, csrfToken, apiKey }` as one JSON line on stdout and runs until SIGTERM/SIGINT.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.ts';
import { createAccount } from '../../src/modules/onboarding/index.ts';
import { createApiKey } from '../../src/modules/api-keys/api-keys.ts';
import { login } from '../../src/modules/auth/login.ts';
import { buildApp } from '../../src/server/app.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { benchDatabaseUrl, takeFreshDatabase } from './database.ts';

async function main() {
  const databaseUrl = benchDatabaseUrl();
  const database = await takeFreshDatabase(databaseUrl);
  // The rest of the environment passes through (DATA_DIR, IMPORT_MAX_BYTES, JOBS, pool size…).
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, DATABASE_URL: databaseUrl });
  const runtime = await openRuntime(config, { role: 'server' });

  const suffix = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const password = 'bench-password-1234';
  const created = await createAccount(runtime.db, {
    name: `Intake bench ${suffix}`,
    package: 'scale',
    admin: { email: `bench-${suffix}@bench.example.com`, username: `bench-${suffix}`, password },
  });
  const session = await login(runtime, { login: `bench-${suffix}`, password, ctx: {} });
  const key = await createApiKey(runtime, {
    actor: { kind: 'system', accountId: created.account.id, accountPackage: 'scale', ctx: {} },
    name: 'bench',
    scope: 'leads',
  });

  const app = await buildApp(runtime, { logger: false, serveWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close().catch(() => undefined);
    await runtime.shutdown();
    await database.release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  process.stdout.write(
    `${JSON.stringify({
      port: (app.server.address() as AddressInfo).port,
      cookie: `${SESSION_COOKIE}=${session.token}`,
      csrfToken: session.csrfToken,
      apiKey: key.key,
    })}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
