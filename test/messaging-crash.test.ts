import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from './support/fake-twilio.ts';
import { freePort, runCli, type ServerProcess, startServer } from './support/server-process.ts';

/**
 * Issue 13, reliability: 1,000 queued texts go out through a fake Twilio REST server; the server
 * process is killed with SIGKILL in the middle of the drain and restarted. Every text reached the
 * fake exactly once or shows `outcome_unknown` — none twice, none lost.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-sms-crash-'));
let server: ServerProcess | undefined;
let fake: FakeTwilio | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  await fake?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const TOTAL = 1000;

describe('outbound texts across kill -9', () => {
  it('1,000 queued texts: each sent exactly once or outcome_unknown, never twice', async () => {
    fake = await startFakeTwilio();
    const env = (clock: string) => ({
      MESSAGING_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: fake!.accountSid,
      TWILIO_AUTH_TOKEN: fake!.authToken,
      TWILIO_API_BASE: fake!.url,
      MESSAGING_CLOCK_START: clock,
    });
    // Phase 1, at night (Tuesday 02:00 in Chicago): every text is queued for the 08:00 opening.
    let port = await freePort();
    server = await startServer(dataDir, port, env('2026-12-08T08:00:00Z'));
    const created = await runCli(dataDir, [
      'account',
      'create',
      '--name',
      'Crash Texts',
      '--package',
      'scale',
      '--admin-email',
      'texts@example.test',
      '--admin-username',
      'texts',
      '--json',
    ]);
    // The embedded database belongs to the server: the CLI talks to it through the admin socket.
    expect(created.code, created.stderr).toBe(0);
    const temp = (JSON.parse(created.stdout) as { temporaryPassword: string }).temporaryPassword;
    let session = { cookie: '', csrf: '' };
    const signIn = async (password: string) => {
      const res = await fetch(`${server!.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'texts', password }),
      });
      expect(res.status).toBe(200);
      session = {
        cookie: res.headers.get('set-cookie')!.split(';')[0]!,
        csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
      };
    };
    const call = async (method: string, url: string, body?: unknown) =>
      fetch(`${server!.url}${url}`, {
        method,
        headers: {
          cookie: session.cookie,
          ...(method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    await signIn(temp);
    expect(
      (await call('POST', '/api/v1/me/password', { currentPassword: temp, newPassword: 'texts-password-1' }))
        .status,
    ).toBe(204);
    await signIn('texts-password-1');
    expect(
      (await call('PATCH', '/api/v1/messaging/settings', { perNumberPerSecond: 1000, brandDailyCap: 100000 }))
        .status,
    ).toBe(200);
    expect(
      (await call('POST', '/api/v1/phone-numbers', { number: '+13122019999', label: 'Main' })).status,
    ).toBe(201);
    const agent = (await (
      await call('POST', '/api/v1/agents', { firstName: 'Ada', lastName: 'Agent' })
    ).json()) as { id: string };
    const lead = (await (
      await call('POST', '/api/v1/sales-records', {
        firstName: 'Lena',
        lastName: 'Lead',
        cellPhone: '+13122013344',
        zip: '60601',
        assignedAgentId: agent.id,
      })
    ).json()) as { id: string };
    const ids: string[] = new Array(TOTAL);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < TOTAL) {
          const i = next++;
          const res = await call('POST', '/api/v1/messages', {
            channel: 'sms',
            to: { type: 'sales_record', id: lead.id },
            body: `crash-${i}`,
            whenOutsideWindow: 'queue',
          });
          expect(res.status).toBe(202);
          ids[i] = ((await res.json()) as { id: string }).id;
        }
      }),
    );
    expect(fake.messages).toHaveLength(0);
    await server.stop('SIGTERM');

    // Phase 2: a second before the window opens; kill -9 once a third of the texts went out.
    port = await freePort();
    server = await startServer(dataDir, port, env('2026-12-08T13:59:59Z'));
    const deadline = Date.now() + 60_000;
    while (fake.messages.length < TOTAL / 3) {
      if (Date.now() > deadline)
        throw new Error(`drain did not start: ${fake.messages.length}\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await server.stop('SIGKILL');
    const atKill = fake.messages.length;
    expect(atKill).toBeLessThan(TOTAL);

    // Phase 3: restart; the recovery settles what was in flight, the engine sends the rest.
    port = await freePort();
    server = await startServer(dataDir, port, env('2026-12-08T14:05:00Z'));
    await signIn('texts-password-1');
    const statuses = new Map<string, string>();
    const settleBy = Date.now() + 90_000;
    for (;;) {
      let open = 0;
      for (let i = 0; i < TOTAL; i++) {
        const id = ids[i]!;
        if (statuses.get(id) === 'submitted' || statuses.get(id) === 'outcome_unknown') continue;
        const m = (await (await call('GET', `/api/v1/messages/${id}`)).json()) as { status: string };
        statuses.set(id, m.status);
        if (m.status !== 'submitted' && m.status !== 'outcome_unknown') open++;
      }
      if (open === 0) break;
      if (Date.now() > settleBy) throw new Error(`${open} texts still open\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const received = new Map<string, number>();
    for (const m of fake.messages) received.set(m.body, (received.get(m.body) ?? 0) + 1);
    let unknown = 0;
    for (let i = 0; i < TOTAL; i++) {
      const times = received.get(`crash-${i}`) ?? 0;
      expect(times, `crash-${i} reached Twilio ${times} times`).toBeLessThanOrEqual(1);
      const status = statuses.get(ids[i]!)!;
      if (status === 'submitted') expect(times, `crash-${i} submitted`).toBe(1);
      else {
        expect(status).toBe('outcome_unknown');
        unknown++;
      }
    }
    expect(fake.messages.length + unknown).toBeGreaterThanOrEqual(TOTAL);
    console.log(
      `messaging crash: ${atKill} sent before kill -9, ${fake.messages.length} in all, ${unknown} outcome_unknown, 0 twice`,
    );
  }, 300_000);
});
