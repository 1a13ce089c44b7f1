import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { freePort } from '../../../test/support/server-process.ts';
import { mailText, startSmtpServer } from '../../../test/support/smtp.ts';
import { deliverEmailDefinition } from './deliver-email.ts';
import { queueEmail } from './queue-email.ts';
import { emails } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('email delivery job', () => {
  it('records a failed SMTP attempt and throws so the queue retries; the next attempt delivers', async () => {
    const a = await t.newAccount();
    const { id } = await queueEmail(t.deps.db, a.accountId, {
      kind: 'test',
      to: 'x@example.test',
      subject: 'Hello',
      text: 'Body',
    });
    const where = and(eq(emails.accountId, a.accountId), eq(emails.id, id));

    const down = deliverEmailDefinition({
      ...t.deps,
      config: { ...t.deps.config, smtpUrl: `smtp://127.0.0.1:${await freePort()}` },
    });
    expect(down.retryLimit).toBeGreaterThanOrEqual(3);
    await expect(down.handler({ accountId: a.accountId, emailId: id })).rejects.toThrow();
    const [failed] = await t.deps.db.select().from(emails).where(where);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failed!.lastError).toMatch(/ECONNREFUSED/);

    const smtp = await startSmtpServer();
    try {
      const up = deliverEmailDefinition({ ...t.deps, config: { ...t.deps.config, smtpUrl: smtp.url } });
      await up.handler({ accountId: a.accountId, emailId: id });
      const [mail] = await smtp.waitFor(1);
      expect(mailText(mail!.raw)).toContain('Body');
      const [sent] = await t.deps.db.select().from(emails).where(where);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      // A duplicate delivery of the same job sends nothing more.
      await up.handler({ accountId: a.accountId, emailId: id });
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('marks the message failed after the last attempt, so it is not swept up again', async () => {
    const a = await t.newAccount();
    const { id } = await queueEmail(t.deps.db, a.accountId, {
      kind: 'test',
      to: 'z@example.test',
      subject: 'Hi',
      text: 'Body',
    });
    const down = deliverEmailDefinition({
      ...t.deps,
      config: { ...t.deps.config, smtpUrl: `smtp://127.0.0.1:${await freePort()}` },
    });
    await expect(
      down.handler({ accountId: a.accountId, emailId: id }, { retryCount: 5, isLastAttempt: true }),
    ).rejects.toThrow();
    const [row] = await t.deps.db
      .select()
      .from(emails)
      .where(and(eq(emails.accountId, a.accountId), eq(emails.id, id)));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('sends stored attachments as MIME parts with their content type and file name', async () => {
    const a = await t.newAccount();
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const { id } = await queueEmail(t.deps.db, a.accountId, {
      kind: 'test',
      to: 'att@example.test',
      subject: 'Invite',
      text: 'See the invitation',
      attachments: [
        { filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8', content: ics },
      ],
    });
    const smtp = await startSmtpServer();
    try {
      await deliverEmailDefinition({ ...t.deps, config: { ...t.deps.config, smtpUrl: smtp.url } }).handler({
        accountId: a.accountId,
        emailId: id,
      });
      const [mail] = await smtp.waitFor(1);
      expect(mail!.raw).toMatch(
        /Content-Type: text\/calendar; method=REQUEST; charset=utf-8; name=invite\.ics/i,
      );
      expect(mail!.raw).toMatch(/Content-Disposition: attachment; filename=invite\.ics/i);
      expect(mailText(mail!.raw)).toContain('See the invitation');
    } finally {
      await smtp.close();
    }
  });

  it('without SMTP leaves the message in the outbox', async () => {
    const a = await t.newAccount();
    const { id } = await queueEmail(t.deps.db, a.accountId, {
      kind: 'test',
      to: 'y@example.test',
      subject: 'Hi',
      text: 'Body',
    });
    await deliverEmailDefinition({ ...t.deps, config: { ...t.deps.config, smtpUrl: undefined } }).handler({
      accountId: a.accountId,
      emailId: id,
    });
    const [row] = await t.deps.db
      .select()
      .from(emails)
      .where(and(eq(emails.accountId, a.accountId), eq(emails.id, id)));
    expect(row!.status).toBe('outbox');
  });
});
