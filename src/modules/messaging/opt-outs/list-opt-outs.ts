import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { decodeCursor, encodeCursor } from '../../../lib/cursor.ts';
import { Phone } from '../../../lib/phone.ts';
import { optOutLedger } from '../schema.ts';
import { authorize, type Actor } from '../inbound/ports.ts';

export const OptOutsQuery = z.strictObject({
  phone: Phone.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
});
const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

/** The opt-out ledger, newest first, optionally for one phone (View Messages Tab). */
export async function listOptOuts(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; query: z.infer<typeof OptOutsQuery> },
) {
  const { actor, query } = opts;
  authorize(actor, 'sms.inbox');
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : null;
  const rows = await deps.db
    .select()
    .from(optOutLedger)
    .where(
      and(
        eq(optOutLedger.accountId, actor.accountId),
        query.phone ? eq(optOutLedger.phone, query.phone) : undefined,
        after
          ? or(
              lt(optOutLedger.at, new Date(after.t)),
              and(eq(optOutLedger.at, new Date(after.t)), lt(optOutLedger.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(optOutLedger.at), desc(optOutLedger.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const tail = page.at(-1);
  return {
    items: page.map(toEntry),
    nextCursor:
      rows.length > query.limit && tail ? encodeCursor({ t: tail.at.toISOString(), id: tail.id }) : null,
  };
}

export const toEntry = (r: typeof optOutLedger.$inferSelect) => ({
  id: r.id,
  phone: r.phone,
  accountNumber: r.accountNumber,
  action: r.action,
  source: r.source,
  keyword: r.keyword,
  body: r.body,
  messageId: r.messageId,
  userId: r.userId,
  at: r.at,
});
