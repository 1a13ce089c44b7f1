import nodemailer, { type Transporter } from 'nodemailer';
import { and, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { JobDefinition } from '../../jobs/queue.ts';
import { emails } from './schema.ts';

const Payload = z.object({ accountId: z.uuid(), emailId: z.uuid() });
type Payload = z.infer<typeof Payload>;

const transports = new Map<string, Transporter>();
const transportFor = (url: string) => {
  let t = transports.get(url);
  if (!t) transports.set(url, (t = nodemailer.createTransport(url)));
  return t;
};

export const deliverEmailJob = { name: 'email.deliver' } as const;

/**
 * Deliver one stored email over SMTP (or leave it in the outbox when no SMTP is configured).
 * Throws on SMTP failure so pg-boss retries with backoff; the last error stays on the row.
 */
export function deliverEmailDefinition(deps: Deps): JobDefinition<Payload> {
  return {
    name: deliverEmailJob.name,
    retryLimit: 5,
    retryDelaySeconds: 10,
    async handler(raw, meta) {
      const { accountId, emailId } = Payload.parse(raw);
      const where = and(eq(emails.accountId, accountId), eq(emails.id, emailId));
      const [email] = await deps.db.select().from(emails).where(where);
      if (!email || email.status === 'sent' || email.status === 'outbox') return;
      if (email.status === 'sending') {
        // A delivery was under way when its process died: the SMTP server may have accepted it.
        // Never send twice: it stays failed, for a person to check and send again if need be.
        await deps.db
          .update(emails)
          .set({
            status: 'failed',
            lastError:
              'Interrupted while being sent (the server stopped): it may or may not have been delivered, so it was not sent again.',
          })
          .where(and(where, eq(emails.status, 'sending')));
        return;
      }
      if (!deps.config.smtpUrl) {
        await deps.db.update(emails).set({ status: 'outbox' }).where(where);
        return;
      }
      // Claim it before talking to the SMTP server (committed on its own): whoever runs this job
      // again after a crash sees "sending" and does not send it a second time.
      const claimed = await deps.db
        .update(emails)
        .set({ status: 'sending', attempts: sql`${emails.attempts} + 1` as never })
        .where(and(where, eq(emails.status, email.status)))
        .returning({ id: emails.id });
      if (claimed.length === 0) return; // someone else moved it on
      try {
        await transportFor(deps.config.smtpUrl).sendMail({
          from: email.fromName ? fromAs(email.fromName, deps.config.emailFrom) : deps.config.emailFrom,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          to: email.toAddress,
          subject: email.subject,
          text: email.textBody,
          ...(email.htmlBody ? { html: email.htmlBody } : {}),
          ...(email.attachments.length ? { attachments: email.attachments } : {}),
          headers: { 'X-OpenAMS-Email-Id': email.id },
        });
      } catch (err) {
        // The SMTP server refused it (or could not be reached): not sent, so it may be tried again.
        await deps.db
          .update(emails)
          .set({
            status: meta?.isLastAttempt ? 'failed' : 'queued',
            lastError: String((err as Error).message).slice(0, 1000),
          })
          .where(where);
        throw err;
      }
      await deps.db
        .update(emails)
        .set({ status: 'sent', sentAt: sql`now()` as never, lastError: null })
        .where(where);
    },
  };
}

/** Re-dispatch emails still queued a few minutes after creation (a crash between commit and send). */
export async function sweepQueuedEmails(deps: Deps): Promise<number> {
  const stale = await deps.db
    .select({ accountId: emails.accountId, id: emails.id })
    .from(emails)
    .where(and(eq(emails.status, 'queued'), lt(emails.createdAt, new Date(Date.now() - 2 * 60_000))))
    .limit(500);
  for (const e of stale)
    await deps.jobs.send(deliverEmailJob, { accountId: e.accountId, emailId: e.id }, { singletonKey: e.id });
  return stale.length;
}

/** The sweep above, every minute on a pg-boss schedule: one run per tick, however many processes. */
export function sweepQueuedEmailsDefinition(deps: Deps): JobDefinition<object> {
  return {
    name: 'email.sweep',
    retryLimit: 0,
    retryDelaySeconds: 60,
    cron: '* * * * *',
    async handler() {
      await sweepQueuedEmails(deps);
    },
  };
}

/**
 * The configured sending address under a person's name: `Maya Ortiz <no-reply@agency.example>`
 * from `Agency CRM <no-reply@agency.example>` (the address, not the name, is what SPF/DKIM vouch for).
 */
export function fromAs(name: string, configuredFrom: string): { name: string; address: string } {
  const m = /<([^>]+)>\s*$/.exec(configuredFrom);
  return { name: name.replace(/[\r\n"<>]/g, '').slice(0, 100), address: (m ? m[1]! : configuredFrom).trim() };
}
