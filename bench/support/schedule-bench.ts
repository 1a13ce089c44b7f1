/**
 * Server side of the scheduler benchmarks (bench/booking.ts, bench/slots.ts), run in a child
 * process: a fresh PostgreSQL database, the app on an ephemeral port, an account with `users`
 * users (the admin first), and the account's Appointment activity type and Scheduled status.
 * The caller seeds what its benchmark needs, creates its schedule, then `ready(slug)` tells the
 * parent the port and slug and serves until SIGTERM.
 */
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { createAccount } from '../../src/modules/onboarding/index.ts';
import { insertUserWithLogins } from '../../src/modules/users/insert-user.ts';
import { buildApp } from '../../src/server/app.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { benchDatabaseUrl, takeFreshDatabase } from './database.ts';

export async function openScheduleBench(opts: { name: string; users: number; userTimeZone: string }) {
  const url = new URL(benchDatabaseUrl());
  url.pathname = `/openams_bench_${opts.name}`;
  const lock = await takeFreshDatabase(url.toString());
  const runtime = await openRuntime(
    loadConfig({
      DATABASE_URL: url.toString(),
      LOG_LEVEL: 'warn',
      DATA_DIR: `/tmp/openams-bench-${opts.name}`,
      TRUST_PROXY: 'true',
    }),
    { role: 'server', workers: false },
  );
  const app = await buildApp(runtime, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const stamp = Date.now();
  const acc = await createAccount(runtime.db, {
    name: `${opts.name} bench`,
    package: 'scale',
    admin: {
      email: `${opts.name}@example.test`,
      username: `${opts.name}${stamp}`,
      password: 'bench-password-1',
    },
  });
  const accountId = acc.account.id;
  const actor = { kind: 'system' as const, accountId, accountPackage: 'scale' as const, ctx: {} };
  const userIds = [acc.admin.id];
  for (let i = 1; i < opts.users; i++) {
    const u = await runtime.db.transaction((tx) =>
      insertUserWithLogins(tx, actor, {
        email: `${opts.name}-user${i}-${stamp}@example.test`,
        username: `${opts.name}user${i}x${stamp}`,
        firstName: 'User',
        lastName: String(i),
        passwordHash: 'x',
        timeZone: opts.userTimeZone,
        securityGroupId: acc.admin.securityGroupId,
        mustChangePassword: false,
      }),
    );
    userIds.push(u.id);
  }
  const sql = new pg.Client({ connectionString: url.toString() });
  await sql.connect();
  const { rows } = await sql.query<{ type: string; status: string }>(
    `select (select id from activity_types where account_id = $1 and category = 'appointment' limit 1) as type,
            (select id from activity_statuses where account_id = $1 and name = 'Scheduled') as status`,
    [accountId],
  );
  const { type: activityTypeId, status: activityStatusId } = rows[0]!;

  /** Seeding done: close the seeding connection, report the port and slug, serve until SIGTERM. */
  const ready = async (slug: string) => {
    await sql.query('analyze');
    await sql.end();
    process.send!({ port: (app.server.address() as { port: number }).port, slug });
    process.on(
      'SIGTERM',
      () =>
        void app
          .close()
          .then(() => runtime.shutdown())
          .then(() => lock.release())
          .then(() => process.exit(0)),
    );
  };
  return { runtime, actor, accountId, userIds, sql, activityTypeId, activityStatusId, ready };
}
