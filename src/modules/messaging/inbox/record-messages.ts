import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { decodeCursor, encodeCursor } from '../../../lib/cursor.ts';
import { notFound } from '../../../lib/errors.ts';
import { messageRecords, messages, type RecordKind } from '../schema.ts';
import {
  agents,
  authorize,
  can,
  loadVisibleIndividual,
  loadVisibleSalesRecord,
  type Actor,
} from '../inbound/ports.ts';
import { toMessageViews } from './message-view.ts';

export const TimelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
});
const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

/**
 * The record must be one the actor can see (else 404, like another account's), and they need the
 * record kind's `sms.history.*` task on it (else 403).
 */
async function assertHistoryAccess(deps: Pick<Deps, 'db'>, actor: Actor, kind: RecordKind, id: string) {
  if (kind === 'sales_record') {
    const r = await loadVisibleSalesRecord(deps.db, actor, id);
    authorize(actor, 'sms.history.sales_record', {
      record: {
        kind: 'sales_record',
        recordTypeId: r.recordTypeId,
        assignedUserId: r.assignedUserId,
        assignedAgentId: r.assignedAgentId,
      },
    });
  } else if (kind === 'individual') {
    const r = await loadVisibleIndividual(deps.db, actor, id);
    authorize(actor, 'sms.history.individual', {
      record: { kind: 'individual', servicingAgentId: r.servicingAgentId },
    });
  } else {
    authorize(actor, 'agent.view');
    const [a] = await deps.db
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.accountId, actor.accountId), eq(agents.id, id)));
    if (!a) throw notFound('Agent');
    if (
      actor.kind === 'user' &&
      !can(actor.profile, 'agent.view', { record: { kind: 'agent', agentId: id } }).allowed
    )
      throw notFound('Agent');
    authorize(actor, 'sms.history.agent', { record: { kind: 'agent', agentId: id } });
  }
}

/** A record's conversation: its texts and emails, both directions, newest first. */
export async function listRecordMessages(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; kind: RecordKind; id: string; query: z.infer<typeof TimelineQuery> },
) {
  const { actor, kind, id, query } = opts;
  await assertHistoryAccess(deps, actor, kind, id);
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : null;
  const rows = await deps.db
    .select({ m: messages, at: messageRecords.createdAt })
    .from(messageRecords)
    .innerJoin(
      messages,
      and(eq(messages.accountId, messageRecords.accountId), eq(messages.id, messageRecords.messageId)),
    )
    .where(
      and(
        eq(messageRecords.accountId, actor.accountId),
        eq(messageRecords.recordType, kind),
        eq(messageRecords.recordId, id),
        after
          ? or(
              lt(messageRecords.createdAt, new Date(after.t)),
              and(eq(messageRecords.createdAt, new Date(after.t)), lt(messageRecords.messageId, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(messageRecords.createdAt), desc(messageRecords.messageId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const tail = page.at(-1);
  return {
    items: await toMessageViews(
      deps.db,
      actor,
      page.map((r) => r.m),
    ),
    nextCursor:
      rows.length > query.limit && tail ? encodeCursor({ t: tail.at.toISOString(), id: tail.m.id }) : null,
  };
}
