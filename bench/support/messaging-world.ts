import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { createAccount } from '../../src/modules/accounts/create-account.ts';
import { buildApp } from '../../src/server/app.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import { takeFreshDatabase } from './database.ts';

/**
 * A messaging benchmark's world, in this process: a fresh database (PGlite in a temporary folder,
 * or with BENCH_MSG_DATABASE_URL a PostgreSQL database dropped and recreated, e.g.
 * postgres://postgres@127.0.0.1:5432/bench_out), the app without job workers (the benchmark drives
 * the engine), an account whose admin is signed in, a sending number, a lead in Chicago, and pacing
 * high enough not to be what is measured.
 */
export type MessagingWorld = {
  engine: 'pglite' | 'postgres';
  deps: Runtime;
  app: FastifyInstance;
  accountId: string;
  headers: Record<string, string>;
  leadId: string;
  numberId: string;
  close(): Promise<void>;
};

export async function messagingWorld(): Promise<MessagingWorld> {
  const url = process.env.BENCH_MSG_DATABASE_URL;
  let database: Database;
  let release = async () => {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-bench-msg-'));
  if (url) {
    const lock = await takeFreshDatabase(url);
    release = () => lock.release();
    database = await openPostgres(url, 10);
  } else {
    database = await openPglite({ dataDir: path.join(dir, 'pglite') });
  }
  await database.migrate();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', BASE_URL: 'http://openams.bench' }), dataDir: dir };
  const deps = await openRuntime(config, { role: 'server', database, workers: false });
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.ready();
  const created = await createAccount(deps.db, {
    name: 'Bench Agency',
    package: 'scale',
    admin: { email: 'bench@example.test', username: 'bench', password: 'bench-password-1' },
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { login: 'bench', password: 'bench-password-1' },
  });
  const cookie = login.cookies.find((c) => c.name === 'openams_session')!;
  const headers = {
    cookie: `openams_session=${cookie.value}`,
    'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
  };
  const call = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
    const r = await app.inject({ method, url, headers, payload });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json<{ id: string }>();
  };
  await call('PATCH', '/api/v1/messaging/settings', { perNumberPerSecond: 1000, brandDailyCap: 10_000_000 });
  const numberId = (await call('POST', '/api/v1/phone-numbers', { number: '+13122019998', label: 'Bench' }))
    .id;
  const agentId = (await call('POST', '/api/v1/agents', { firstName: 'Ada', lastName: 'Agent' })).id;
  const leadId = (
    await call('POST', '/api/v1/sales-records', {
      firstName: 'Lena',
      lastName: 'Lead',
      cellPhone: '+13122013344',
      zip: '60601',
      assignedAgentId: agentId,
    })
  ).id;
  return {
    engine: url ? 'postgres' : 'pglite',
    deps,
    app,
    accountId: created.account.id,
    headers,
    leadId,
    numberId,
    async close() {
      await app.close();
      await deps.shutdown();
      await database.close();
      await release();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
