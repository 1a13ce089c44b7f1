import type { DbOrTx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import { deliverEmailJob } from './deliver-email.ts';
import { type EmailAttachment, emails } from './schema.ts';

export type OutgoingEmail = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  /** A person's name as the sender (the address stays EMAIL_FROM's) and their address for replies. */
  fromName?: string | null;
  replyTo?: string | null;
};

/**
 * Store an email (inside the caller's transaction). Call `dispatch` after the transaction commits
 * to hand it to the delivery job; a sweep re-dispatches any message left queued by a crash between.
 */
export async function queueEmail(tx: DbOrTx, accountId: string, email: OutgoingEmail) {
  const id = newId();
  await tx.insert(emails).values({
    accountId,
    id,
    kind: email.kind,
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html ?? null,
    attachments: email.attachments ?? [],
    fromName: email.fromName ?? null,
    replyTo: email.replyTo ?? null,
  });
  return {
    id,
    dispatch: (deps: Pick<Deps, 'jobs'>) =>
      deps.jobs.send(deliverEmailJob, { accountId, emailId: id }, { singletonKey: id }),
  };
}
