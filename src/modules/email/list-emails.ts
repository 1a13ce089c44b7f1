import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { requireAccountAdmin, type Actor } from '../access/index.ts';
import { emails } from './schema.ts';

const TimeIdCursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

const summary = {
  id: emails.id,
  kind: emails.kind,
  toAddress: emails.toAddress,
  subject: emails.subject,
  status: emails.status,
  attempts: emails.attempts,
  lastError: emails.lastError,
  createdAt: emails.createdAt,
  sentAt: emails.sentAt,
};

/** The outbox: every email the account's users were sent, newest first, cursor-paginated. */
export async function listEmails(
  deps: Deps,
  opts: { actor: Actor; limit: number; cursor?: string | undefined },
) {
  requireAccountAdmin(opts.actor);
  const after = opts.cursor ? decodeCursor(opts.cursor, TimeIdCursor) : null;
  const rows = await deps.db
    .select(summary)
    .from(emails)
    .where(
      inAccount(
        opts.actor,
        emails,
        after
          ? or(
              lt(emails.createdAt, new Date(after.t)),
              and(eq(emails.createdAt, new Date(after.t)), lt(emails.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(opts.limit + 1);
  const items = rows.slice(0, opts.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > opts.limit && last
        ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}

export async function getEmail(deps: Deps, opts: { actor: Actor; id: string }) {
  requireAccountAdmin(opts.actor);
  const [row] = await deps.db
    .select({ ...summary, textBody: emails.textBody, htmlBody: emails.htmlBody })
    .from(emails)
    .where(inAccount(opts.actor, emails, eq(emails.id, opts.id)));
  if (!row) throw notFound('Email');
  return row;
}
