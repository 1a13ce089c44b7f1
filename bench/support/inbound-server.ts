/**
 * Benchmark target for bench/messaging-inbound.ts (issue 13), run as its own process. Opens OpenAMS
 * on PostgreSQL (BENCH_DATABASE_URL, dropped and recreated under the bench lock) or, with
 * BENCH_ENGINE=pglite, on an embedded PGlite in a fresh DATA_DIR; creates an account with one
 * texting number, 100,000 Sales Records (every tenth with a cell phone too) and 10,000 Individuals
 * with phones, as SQL; prints the EXPLAIN of the phone match; serves the app with the Twilio
 * webhook verified by TWILIO_AUTH_TOKEN. Prints `{ port, to, baseUrl, token }` on stdout.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { newId } from '../../src/lib/ids.ts';
import { createAccount } from '../../src/modules/onboarding/index.ts';
import { storeInboundSql } from '../../src/modules/messaging/inbound/store-inbound.ts';
import { phoneNumbers } from '../../src/modules/messaging/schema.ts';
import { buildApp } from '../../src/server/app.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { benchDatabaseUrl, takeFreshDatabase } from './database.ts';

export const SALES_RECORDS = 100_000;
export const INDIVIDUALS = 10_000;
/** Record i's phone: +1 202 555 0000 + i; Individual i's: +1 312 555 0000 + i. */
export const recordPhone = (i: number) => `+1${2025550000 + i}`;
export const individualPhone = (i: number) => `+1${3125550000 + i}`;
export const ACCOUNT_NUMBER = '+14155550100';
export const BASE_URL = 'https://bench.openams.test';
export const TOKEN = 'bench-twilio-auth-token-0123456789';

async function main() {
  const pglite = process.env.BENCH_ENGINE === 'pglite';
  const databaseUrl = benchDatabaseUrl();
  const database = pglite ? null : await takeFreshDatabase(databaseUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-bench-inbound-'));
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ...process.env,
    DATA_DIR: dataDir,
    ...(pglite ? { DATABASE_URL: '' } : { DATABASE_URL: databaseUrl }),
    BASE_URL,
    MESSAGING_PROVIDER: 'twilio',
    TWILIO_AUTH_TOKEN: TOKEN,
    JOBS: 'off',
  });
  const runtime = await openRuntime(config, { role: 'server' });
  const suffix = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const created = await createAccount(runtime.db, {
    name: `Inbound bench ${suffix}`,
    package: 'scale',
    admin: {
      email: `bench-${suffix}@bench.example.com`,
      username: `bench-${suffix}`,
      password: 'bench-pass-1234',
    },
  });
  const accountId = created.account.id;
  await runtime.db
    .insert(phoneNumbers)
    .values({ accountId, id: newId(), number: ACCOUNT_NUMBER, label: 'Main', provider: 'twilio' });
  const t0 = Date.now();
  await runtime.db.execute(sql`
    insert into sales_records (account_id, id, record_type_id, status_id, first_name, last_name, phone, cell_phone)
    select ${accountId}::uuid, gen_random_uuid(), s.record_type_id, s.id, 'Lead' || i, 'Bench',
           '+1' || (2025550000 + i)::text,
           case when i % 10 = 0 then '+1' || (6465550000 + i)::text end
    from generate_series(0, ${SALES_RECORDS - 1}) i,
         (select record_type_id, id from record_statuses where account_id = ${accountId}::uuid
          order by sort_order limit 1) s`);
  await runtime.db.execute(sql`
    insert into individuals (account_id, id, first_name, last_name, phone)
    select ${accountId}::uuid, gen_random_uuid(), 'Client' || i, 'Bench', '+1' || (3125550000 + i)::text
    from generate_series(0, ${INDIVIDUALS - 1}) i`);
  await runtime.db.execute(sql`analyze`);
  // The pipeline's statement as the webhook runs it, EXPLAIN ANALYZE'd and rolled back.
  const probe = storeInboundSql({
    id: newId(),
    provider: 'twilio',
    providerMessageId: `SM${'e'.repeat(32)}`,
    from: recordPhone(4242),
    to: ACCOUNT_NUMBER,
    body: 'plan probe',
    segments: 1,
    encoding: 'GSM-7',
    revocation: null,
    onlyAccountId: null,
  });
  let lines: string[] = [];
  await runtime.db
    .transaction(async (tx) => {
      const plan = await tx.execute(sql`explain (analyze, costs off) ${probe}`);
      lines = (plan as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']);
      throw new Error('rollback');
    })
    .catch(() => undefined);
  console.error(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s; the inbound statement's plan:`);
  for (const l of lines) console.error(`  ${l}`);

  const app = await buildApp(runtime, { logger: false, serveWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close().catch(() => undefined);
    await runtime.shutdown();
    await database?.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdout.write(
    `${JSON.stringify({ port: (app.server.address() as AddressInfo).port, accountId, engine: runtime.database.kind })}\n`,
  );
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1]))
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
