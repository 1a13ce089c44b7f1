import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp, unique } from '../../../test/support/app.ts';
import { mailText, startSmtpServer } from '../../../test/support/smtp.ts';
import { emails } from '../email/schema.ts';
import { users } from '../users/schema.ts';
import { passwordResets } from './schema.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ smtpUrl: smtp.url, workers: true });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const linkIn = (raw: string) => {
  const m = /reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mailText(raw));
  if (!m) throw new Error(`no link in ${raw}`);
  return decodeURIComponent(m[1]!);
};

describe('forgot password over a real SMTP server', () => {
  it('emails a single-use link that sets a new password and ends every session', async () => {
    const a = await t.newAccount();
    const before = smtp.mails.length;
    const res = await t.anonymous.post('/api/v1/password-resets', { login: a.username });
    expect(res.statusCode).toBe(202);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toEqual([`${a.username}@example.test`]);
    expect(mail!.raw).toContain('Subject: Reset your OpenAMS password');
    const token = linkIn(mail!.raw);
    expect(mailText(mail!.raw)).toContain('http://openams.test/reset-password?token=');

    // The stored row keeps only a hash; the email row is marked sent.
    const [stored] = await t.deps.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.accountId, a.accountId));
    expect(stored!.tokenHash).not.toBe(token);
    await expect
      .poll(
        async () =>
          (await t.deps.db.select().from(emails).where(eq(emails.accountId, a.accountId)))[0]?.status,
      )
      .toBe('sent');

    const weak = await t.anonymous.post('/api/v1/password-resets/confirm', { token, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    const ok = await t.anonymous.post('/api/v1/password-resets/confirm', {
      token,
      newPassword: 'brand-new-password-1',
    });
    expect(ok.statusCode).toBe(204);
    expect((await a.admin.get('/api/v1/me')).statusCode).toBe(401);
    await t.login(a.username, 'brand-new-password-1');

    const again = await t.anonymous.post('/api/v1/password-resets/confirm', {
      token,
      newPassword: 'another-password-22',
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().detail).toMatch(/already been used/);
    await t.login(a.username, 'brand-new-password-1');
  });

  it('refuses an expired link (one hour) and an invalid one, changing nothing', async () => {
    const a = await t.newAccount();
    const before = smtp.mails.length;
    await t.anonymous.post('/api/v1/password-resets', { login: `${a.username}@example.test` });
    const token = linkIn((await smtp.waitFor(before + 1))[before]!.raw);
    await t.deps.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(passwordResets.accountId, a.accountId));
    const expired = await t.anonymous.post('/api/v1/password-resets/confirm', {
      token,
      newPassword: 'brand-new-password-1',
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toMatch(/expired/);
    const invalid = await t.anonymous.post('/api/v1/password-resets/confirm', {
      token: token.slice(0, -4) + 'AAAA',
      newPassword: 'brand-new-password-1',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([{ path: 'token', message: 'Not a valid reset link.' }]);
    await t.login(a.username, PASSWORD);
  });

  it('answers 202 for an unknown or suspended login and sends nothing', async () => {
    const a = await t.newAccount();
    await t.deps.db
      .update(users)
      .set({ active: false })
      .where(and(eq(users.accountId, a.accountId), eq(users.id, a.adminId)));
    const before = smtp.mails.length;
    expect((await t.anonymous.post('/api/v1/password-resets', { login: unique('nobody') })).statusCode).toBe(
      202,
    );
    expect((await t.anonymous.post('/api/v1/password-resets', { login: a.username })).statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.mails.length).toBe(before);
  });

  it('throttles repeated requests for one login', async () => {
    const login = unique('flood');
    for (let i = 0; i < 5; i++)
      expect((await t.anonymous.post('/api/v1/password-resets', { login })).statusCode).toBe(202);
    const res = await t.anonymous.post('/api/v1/password-resets', { login });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('without SMTP the email waits in the outbox', () => {
  it('lists it for an admin of the account, with the link', async () => {
    const local = await createTestApp({ workers: true });
    try {
      const a = await local.newAccount();
      await local.anonymous.post('/api/v1/password-resets', { login: a.username });
      await expect
        .poll(async () => (await a.admin.get('/api/v1/emails')).json().items[0]?.status, { timeout: 15_000 })
        .toBe('outbox');
      const list = (await a.admin.get('/api/v1/emails')).json();
      expect(list.items[0]).toMatchObject({
        kind: 'password_reset',
        subject: 'Reset your OpenAMS password',
        toAddress: `${a.username}@example.test`,
      });
      const one = (await a.admin.get(`/api/v1/emails/${list.items[0].id}`)).json();
      expect(one.textBody).toContain('http://openams.test/reset-password?token=');
    } finally {
      await local.close();
    }
  });
});
