import { and, desc, eq, exists, isNull, lt, not, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { decodeCursor, encodeCursor } from '../../../lib/cursor.ts';
import { escapeLike } from '../../../lib/like.ts';
import { MESSAGE_CHANNELS, MESSAGE_DIRECTIONS, messageRecords, messages } from '../schema.ts';
import { authorize, type Actor } from '../inbound/ports.ts';
import { toMessageViews } from './message-view.ts';
import { messageScope } from './visibility.ts';

export const INBOX_BOXES = ['all', 'unread', 'unmatched', 'flagged'] as const;

export const InboxQuery = z.strictObject({
  box: z.enum(INBOX_BOXES).default('all'),
  channel: z.enum(MESSAGE_CHANNELS).optional(),
  direction: z.enum(MESSAGE_DIRECTIONS).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
});

const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

export const unreadCondition = (): SQL => and(eq(messages.direction, 'inbound'), isNull(messages.readAt))!;

const linked = () =>
  exists(
    sql`(select 1 from ${messageRecords} where ${and(
      eq(messageRecords.accountId, messages.accountId),
      eq(messageRecords.messageId, messages.id),
    )})`,
  );

/**
 * The account-wide Messages page (View Messages Tab): every text with View All SMS (admins
 * always), else those of records the user may see and those they sent; boxes all / unread /
 * unmatched (no record has the sender's phone) / flagged (a likely revocation to confirm).
 */
export async function listInbox(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; query: z.infer<typeof InboxQuery> },
) {
  const { actor, query } = opts;
  authorize(actor, 'sms.inbox');
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : null;
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const rows = await deps.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.accountId, actor.accountId),
        messageScope(actor),
        query.box === 'unread' ? unreadCondition() : undefined,
        query.box === 'unmatched' ? not(linked()) : undefined,
        query.box === 'flagged' ? eq(messages.revocation, 'flagged') : undefined,
        query.channel ? eq(messages.channel, query.channel) : undefined,
        query.direction ? eq(messages.direction, query.direction) : undefined,
        pattern
          ? or(
              sql`${messages.body} ilike ${pattern}`,
              sql`${messages.fromAddress} ilike ${pattern}`,
              sql`${messages.toAddress} ilike ${pattern}`,
            )
          : undefined,
        after
          ? or(
              lt(messages.createdAt, new Date(after.t)),
              and(eq(messages.createdAt, new Date(after.t)), lt(messages.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const tail = page.at(-1);
  return {
    items: await toMessageViews(deps.db, actor, page),
    nextCursor:
      rows.length > query.limit && tail
        ? encodeCursor({ t: tail.createdAt.toISOString(), id: tail.id })
        : null,
  };
}

/** Unread inbound texts the actor may see (the header badge). */
export async function countUnread(deps: Pick<Deps, 'db'>, opts: { actor: Actor }) {
  const { actor } = opts;
  authorize(actor, 'sms.inbox');
  const [row] = await deps.db
    .select({ count: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(eq(messages.accountId, actor.accountId), unreadCondition(), messageScope(actor)));
  return { count: row?.count ?? 0 };
}
