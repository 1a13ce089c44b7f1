import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp, unique } from '../../../test/support/app.ts';
import { auditEvents } from '../audit/schema.ts';
import { users } from '../users/schema.ts';
import { createAccount } from '../onboarding/index.ts';
import { sessions } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign in', () => {
  it('accepts the username or the email, case-insensitively, and GET /me answers with a CSRF token', async () => {
    const a = await t.newAccount();
    for (const login of [a.username, `${a.username.toUpperCase()}@EXAMPLE.TEST`]) {
      const res = await t.anonymous.post('/api/v1/session', { login, password: PASSWORD });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'openams_session')!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      const me = await t.anonymous.request({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `openams_session=${cookie.value}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        username: a.username,
        isAccountAdmin: true,
        csrfToken: res.json().csrfToken,
      });
    }
  });

  it('stores only a hash of the session token', async () => {
    const a = await t.newAccount();
    const token = a.admin.cookie!.split('=')[1]!;
    const rows = await t.deps.db.select().from(sessions).where(eq(sessions.accountId, a.accountId));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.tokenHash).not.toContain(token);
  });

  it('refuses a wrong password or unknown login with the same 401', async () => {
    const a = await t.newAccount();
    const wrong = await t.anonymous.post('/api/v1/session', {
      login: a.username,
      password: 'nope-nope-nope',
    });
    const unknown = await t.anonymous.post('/api/v1/session', {
      login: unique('ghost'),
      password: 'nope-nope-nope',
    });
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().detail).toBe('The login or password is not correct.');
      expect(r.cookies).toHaveLength(0);
    }
  });

  it('throttles a login after 5 failures with 429 and Retry-After, even with the right password', async () => {
    const a = await t.newAccount();
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.anonymous.post('/api/v1/session', { login: a.username, password: 'wrong-password' }))
          .statusCode,
      ).toBe(401);
    }
    const blocked = await t.anonymous.post('/api/v1/session', { login: a.username, password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    const retry = Number(blocked.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(blocked.json().type).toContain('rate-limited');
  });

  it('throttles an IP address across logins', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    const tp = await createTestApp({ trustProxy: true });
    try {
      for (let i = 0; i < 50; i++) {
        await tp.anonymous.request({
          method: 'POST',
          url: '/api/v1/session',
          headers,
          payload: { login: `u${i}`, password: 'x' },
        });
      }
      const res = await tp.anonymous.request({
        method: 'POST',
        url: '/api/v1/session',
        headers,
        payload: { login: 'other', password: 'x' },
      });
      expect(res.statusCode).toBe(429);
      const elsewhere = await tp.anonymous.request({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'x-forwarded-for': '203.0.113.10' },
        payload: { login: 'other', password: 'x' },
      });
      expect(elsewhere.statusCode).toBe(401);
    } finally {
      await tp.close();
    }
  });

  it('refuses a suspended user with a clear 403 and creates no session', async () => {
    const a = await t.newAccount();
    await t.deps.db
      .update(users)
      .set({ active: false, suspendedAt: new Date() })
      .where(and(eq(users.accountId, a.accountId), eq(users.id, a.adminId)));
    const before = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(eq(sessions.accountId, a.accountId));
    const res = await t.anonymous.post('/api/v1/session', { login: a.username, password: PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/inactive/);
    const after = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(eq(sessions.accountId, a.accountId));
    expect(after[0]!.n).toBe(before[0]!.n);
    // …and the session it already had ended at once.
    expect((await a.admin.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const a = await t.newAccount();
    expect((await a.admin.delete('/api/v1/session')).statusCode).toBe(204);
    expect((await a.admin.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('requires the CSRF token on unsafe cookie requests', async () => {
    const a = await t.newAccount();
    const noToken = await a.admin.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { firstName: 'X' },
      headers: { 'x-csrf-token': '' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().missing).toEqual(['X-CSRF-Token']);
    const wrong = await a.admin.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { firstName: 'X' },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await a.admin.get('/api/v1/me')).json().firstName).not.toBe('X');
    const ok = await a.admin.patch('/api/v1/me', { firstName: 'X' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().firstName).toBe('X');
  });

  it('ends a session idle longer than the idle timeout, or past its expiry', async () => {
    const a = await t.newAccount();
    const b = await t.login(a.username, PASSWORD);
    const idle = new Date(Date.now() - t.deps.config.sessionIdleMs - 1000);
    await t.deps.db.update(sessions).set({ lastSeenAt: idle }).where(eq(sessions.accountId, a.accountId));
    expect((await a.admin.get('/api/v1/me')).statusCode).toBe(401);
    const c = await t.login(a.username, PASSWORD);
    await t.deps.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.accountId, a.accountId));
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('concurrent requests of several accounts, one session ended, each get their own answer', async () => {
    const [a, b, c] = await Promise.all([t.newAccount(), t.newAccount(), t.newAccount()]);
    const a2 = await t.login(a.username, PASSWORD);
    expect((await c.admin.delete('/api/v1/session')).statusCode).toBe(204);
    // Sent together, these are read by one batched session query (src/lib/batcher.ts).
    const answers = await Promise.all(
      [a.admin, b.admin, c.admin, a2, a.admin, b.admin].map((u) => u.get('/api/v1/me')),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 200, 200, 200]);
    expect(answers.map((r) => (r.statusCode === 200 ? r.json().username : null))).toEqual([
      a.username,
      b.username,
      null,
      a.username,
      a.username,
      b.username,
    ]);
    // Rows are matched to requests by session, not by user: a's two sessions keep their tokens.
    expect(answers[0]!.json().csrfToken).toBe(answers[4]!.json().csrfToken);
    expect(answers[3]!.json().csrfToken).not.toBe(answers[0]!.json().csrfToken);
  });

  it('a garbage or foreign-looking cookie is simply 401', async () => {
    for (const cookie of [
      'openams_session=abc',
      'openams_session=' + 'A'.repeat(64),
      'openams_session=%%%',
    ]) {
      const res = await t.anonymous.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe('passwords', () => {
  it('forces a change after a temporary password, and then lets the user in', async () => {
    const username = unique('temp');
    const created = await createAccount(t.deps.db, {
      name: unique('Temp agency '),
      package: 'accelerate',
      admin: { email: `${username}@example.test`, username },
    });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    const res = await t.anonymous.post('/api/v1/session', {
      login: username,
      password: created.temporaryPassword,
    });
    expect(res.json().mustChangePassword).toBe(true);
    const user = await t.login(username, created.temporaryPassword!);
    const blocked = await user.get('/api/v1/account');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().type).toContain('password-change-required');
    expect((await user.get('/api/v1/me')).json().mustChangePassword).toBe(true);

    const same = await user.post('/api/v1/me/password', {
      currentPassword: created.temporaryPassword,
      newPassword: created.temporaryPassword,
    });
    expect(same.statusCode).toBe(400);
    const short = await user.post('/api/v1/me/password', {
      currentPassword: created.temporaryPassword,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      { path: 'newPassword', message: 'Must be at least 10 characters.' },
    ]);

    const ok = await user.post('/api/v1/me/password', {
      currentPassword: created.temporaryPassword,
      newPassword: 'a-much-better-password',
    });
    expect(ok.statusCode).toBe(204);
    expect((await user.get('/api/v1/account')).statusCode).toBe(200);
    await t.login(username, 'a-much-better-password');
  });

  it('changing the password needs the current one and ends the other sessions', async () => {
    const a = await t.newAccount();
    const other = await t.login(a.username, PASSWORD);
    const wrong = await a.admin.post('/api/v1/me/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'new-password-123',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('currentPassword');
    expect(
      (
        await a.admin.post('/api/v1/me/password', {
          currentPassword: PASSWORD,
          newPassword: 'new-password-123',
        })
      ).statusCode,
    ).toBe(204);
    expect((await a.admin.get('/api/v1/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, a.accountId), eq(auditEvents.type, 'user.password_changed')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(a.adminId);
  });
});

describe('profile', () => {
  it('edits name and time zone, validates the zone, and audits the change', async () => {
    const a = await t.newAccount();
    const bad = await a.admin.patch('/api/v1/me', { timeZone: 'Mars/Olympus', firstName: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['firstName', 'timeZone']);
    const ok = await a.admin.patch('/api/v1/me', { timeZone: 'America/Phoenix', firstName: 'Rosa' });
    expect(ok.json()).toMatchObject({ timeZone: 'America/Phoenix', firstName: 'Rosa' });
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, a.accountId), eq(auditEvents.type, 'user.updated')));
    expect(event!.data).toEqual({
      changes: {
        firstName: { from: 'Account', to: 'Rosa' },
        timeZone: { from: 'America/New_York', to: 'America/Phoenix' },
      },
    });
  });
});
