import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runCli, type ServerProcess, startServer } from './support/server-process.ts';

// A real server process on the embedded database, killed with SIGKILL in the middle of an import.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-crash-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Imp = { status: string; processedRows: number; created: number; failed: number; skipped: number };

/** Start, import, kill -9 in the middle, restart: the import must finish by itself, every row once. */
async function crashAnImport(env: Record<string, string>, resumeWithinMs: number) {
  server = await startServer(dataDir, await freePort(), env);
  const created = await runCli(
    dataDir,
    [
      'account',
      'create',
      '--name',
      'Crash Agency',
      '--package',
      'scale',
      '--admin-email',
      'crash@example.test',
      '--admin-username',
      'crash',
      '--json',
    ],
    env,
  );
  expect(created.code, created.stderr).toBe(0);
  const temp = (JSON.parse(created.stdout) as { temporaryPassword: string }).temporaryPassword;
  const signIn = async (password: string) => {
    const res = await fetch(`${server!.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'crash', password }),
    });
    expect(res.status).toBe(200);
    return {
      cookie: res.headers.get('set-cookie')!.split(';')[0]!,
      csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
    };
  };
  let s = await signIn(temp);
  const call = (method: string, url: string, body?: string | FormData, type = 'application/json') =>
    fetch(`${server!.url}${url}`, {
      method,
      headers: {
        cookie: s.cookie,
        ...(method !== 'GET' ? { 'x-csrf-token': s.csrf } : {}),
        ...(body !== undefined && type ? { 'content-type': type } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });
  expect(
    (
      await call(
        'POST',
        '/api/v1/me/password',
        JSON.stringify({ currentPassword: temp, newPassword: 'crash-password-1' }),
      )
    ).status,
  ).toBe(204);

  // 60,000 distinct leads: long enough an import to be caught in the middle.
  const total = 60_000;
  const csv = ['First Name,Last Name,Email']
    .concat(Array.from({ length: total }, (_, i) => `F${i},L${i},lead${i}@example.test`))
    .join('\n');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'leads.csv');
  const up = await call('POST', '/api/v1/imports', form, '');
  expect(up.status).toBe(201);
  const id = ((await up.json()) as { id: string }).id;
  const imp = async () => (await (await call('GET', `/api/v1/imports/${id}`)).json()) as Imp;
  expect(
    (
      await call(
        'POST',
        `/api/v1/imports/${id}/start`,
        JSON.stringify({ mapping: ['firstName', 'lastName', 'email'] }),
      )
    ).status,
  ).toBe(202);

  // Kill it once some batches are in, well before the end.
  let before: Imp;
  for (;;) {
    before = await imp();
    if (before.processedRows > 0) break;
    expect(before.status).not.toBe('completed');
    await new Promise((r) => setTimeout(r, 20));
  }
  await server.stop('SIGKILL');
  expect(before.processedRows).toBeLessThan(total);

  server = await startServer(dataDir, await freePort(), env);
  const restarted = Date.now();
  s = await signIn('crash-password-1');
  const stuckAt = (await imp()).processedRows;
  expect(stuckAt).toBeLessThan(total);
  let resumedAfter = -1;
  let done: Imp;
  for (;;) {
    done = await imp();
    if (resumedAfter < 0 && done.processedRows > stuckAt) resumedAfter = Date.now() - restarted;
    if (done.status === 'completed' || done.status === 'failed') break;
    expect(Date.now() - restarted).toBeLessThan(120_000);
    await new Promise((r) => setTimeout(r, 100));
  }
  const completedAfter = Date.now() - restarted;
  console.log(
    `import killed at ${stuckAt} of ${total} rows; resumed ${resumedAfter} ms after the restart, completed after ${completedAfter} ms`,
  );
  expect(resumedAfter).toBeGreaterThanOrEqual(0);
  expect(resumedAfter).toBeLessThan(resumeWithinMs);
  expect(done).toMatchObject({
    status: 'completed',
    processedRows: total,
    created: total,
    failed: 0,
    skipped: 0,
  });
  // Exactly one record per row in the database: the rollback removes what the import made.
  const rollback = await call('POST', `/api/v1/imports/${id}/rollback`);
  expect(await rollback.json()).toEqual({ removed: total });
  await server.stop('SIGTERM');
  server = undefined;
  return { stuckAt, resumedAfter, completedAfter };
}

describe('a crash in the middle of a job', () => {
  it(
    'on the embedded database, an import killed with kill -9 resumes by itself within seconds of the restart, every row once',
    { timeout: 240_000 },
    async () => {
      await crashAnImport({}, 10_000);
    },
  );

  // On PostgreSQL the restarted process waits for the dead one's heartbeat to go stale (10 s).
  it.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, likewise', { timeout: 240_000 }, async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `openams_crash_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const u = new URL(url);
      u.pathname = `/${name}`;
      await crashAnImport({ DATABASE_URL: u.toString() }, 20_000);
    } finally {
      await server?.stop('SIGKILL');
      server = undefined;
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
