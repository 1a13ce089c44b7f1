import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runCli, type ServerProcess, startServer } from './support/server-process.ts';

// These run real server processes on the embedded database, as `npm start` does.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-embedded-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

describe('the embedded database', () => {
  let cookie = '';
  let csrf = '';
  const acknowledged: string[] = [];

  it('starts, and a second server on the same data directory refuses, naming the first', async () => {
    server = await startServer(dataDir, await freePort());
    const second = await startServer(dataDir, await freePort()).then(
      (s) => ({ started: s }),
      (e: Error) => ({ error: e.message }),
    );
    expect(second).toHaveProperty('error');
    expect((second as { error: string }).error).toMatch(
      new RegExp(`in use by the OpenAMS server \\(pid ${server.child.pid}`),
    );
  });

  it('the CLI works while the server runs, through its admin socket', async () => {
    const created = await runCli(dataDir, [
      'account',
      'create',
      '--name',
      'Socket Agency',
      '--package',
      'accelerate',
      '--admin-email',
      'sock@example.test',
      '--admin-username',
      'sock',
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const out = JSON.parse(created.stdout) as { account: { id: string }; temporaryPassword: string };
    expect(out.temporaryPassword).toHaveLength(14);

    const login = await fetch(`${server!.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'sock', password: out.temporaryPassword }),
    });
    const body = (await login.json()) as { csrfToken: string; mustChangePassword: boolean };
    expect(body.mustChangePassword).toBe(true);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    csrf = body.csrfToken;
    const change = await fetch(`${server!.url}/api/v1/me/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ currentPassword: out.temporaryPassword, newPassword: 'socket-password-1' }),
    });
    expect(change.status).toBe(204);

    const bad = await runCli(dataDir, [
      'account',
      'create',
      '--name',
      'X',
      '--package',
      'platinum',
      '--admin-email',
      'nope',
      '--admin-username',
      'x',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('package');
    expect(bad.stderr).toContain('admin.email');

    const key = await runCli(dataDir, [
      'api-key',
      'create',
      '--account',
      'socket agency',
      '--name',
      'Vendor',
      '--json',
    ]);
    expect(key.code, key.stderr).toBe(0);
    const k = JSON.parse(key.stdout) as { key: string; accountId: string };
    const viaKey = await fetch(`${server!.url}/api/v1/account`, {
      headers: { authorization: `Bearer ${k.key}` },
    });
    expect(((await viaKey.json()) as { name: string }).name).toBe('Socket Agency');
  });

  it('keeps every acknowledged write across a kill -9', async () => {
    const write = async (i: number) => {
      const res = await fetch(`${server!.url}/api/v1/api-keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify({ name: `crash-${i}` }),
      });
      if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
    };
    // Four writers in flight; the process is killed while they are still writing.
    let i = 0;
    const writers = Array.from({ length: 4 }, async () => {
      while (i < 400) await write(i++).catch(() => undefined);
    });
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
    await server!.stop('SIGKILL');
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    server = await startServer(dataDir, await freePort()); // the stale lock of the killed process is taken over
    const relogin = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'sock', password: 'socket-password-1' }),
    });
    expect(relogin.status).toBe(200);
    const cookie2 = relogin.headers.get('set-cookie')!.split(';')[0]!;
    const list = await json(await fetch(`${server.url}/api/v1/api-keys`, { headers: { cookie: cookie2 } }));
    const ids = new Set((list.body.items as { id: string }[]).map((x) => x.id));
    const lost = acknowledged.filter((id) => !ids.has(id));
    expect(lost).toEqual([]);
  });

  it('after the server stops, the CLI opens the data directory itself', async () => {
    expect(await server!.stop('SIGTERM')).toBe(0);
    server = undefined;
    expect(fs.existsSync(path.join(dataDir, 'openams.lock'))).toBe(false);
    const r = await runCli(dataDir, ['api-key', 'create', '--account', 'Socket Agency', '--name', 'Offline']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/oams_/);
    expect(fs.existsSync(path.join(dataDir, 'openams.lock'))).toBe(false);
  });
});
