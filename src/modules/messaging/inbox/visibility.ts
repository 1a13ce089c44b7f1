import { and, eq, exists, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { messageRecords, messages } from '../schema.ts';
import {
  can,
  individuals,
  individualScope,
  isRestrictedToAccessibleAgents,
  salesRecords,
  salesRecordScope,
  type Actor,
} from '../inbound/ports.ts';

/**
 * Which `message_records` links an actor may see, as SQL over the `message_records` table: a
 * Sales Record they may view with `sms.history.sales_record` (the list scope: Record Type Access
 * view, Record Access, Accessible Agents), an Individual with `sms.history.individual` (Accessible
 * Agents), an Agent with `sms.history.agent`. Undefined: every link (API keys, the operator).
 */
export function visibleLink(actor: Actor): SQL | undefined {
  if (actor.kind !== 'user') return undefined;
  const p = actor.profile;
  const parts: SQL[] = [];
  if (can(p, 'sms.history.sales_record').allowed) {
    parts.push(
      and(
        eq(messageRecords.recordType, 'sales_record'),
        exists(
          sql`(select 1 from ${salesRecords} where ${and(
            eq(salesRecords.accountId, messageRecords.accountId),
            eq(salesRecords.id, messageRecords.recordId),
            isNull(salesRecords.deletedAt),
            salesRecordScope(actor),
          )})`,
        ),
      )!,
    );
  }
  if (can(p, 'sms.history.individual').allowed) {
    const scope = individualScope(actor);
    parts.push(
      scope === undefined
        ? eq(messageRecords.recordType, 'individual')
        : and(
            eq(messageRecords.recordType, 'individual'),
            exists(
              sql`(select 1 from ${individuals} where ${and(
                eq(individuals.accountId, messageRecords.accountId),
                eq(individuals.id, messageRecords.recordId),
                scope,
              )})`,
            ),
          )!,
    );
  }
  if (can(p, 'sms.history.agent').allowed) {
    const ids = [...p.accessibleAgentIds];
    if (!isRestrictedToAccessibleAgents(p)) parts.push(eq(messageRecords.recordType, 'agent'));
    else if (ids.length)
      parts.push(and(eq(messageRecords.recordType, 'agent'), inArray(messageRecords.recordId, ids))!);
  }
  return parts.length ? or(...parts)! : sql`false`;
}

/** Does the actor see every text of the account (View All SMS; admins always; API keys)? */
export function seesAllMessages(actor: Actor): boolean {
  return actor.kind !== 'user' || can(actor.profile, 'sms.history.all').allowed;
}

/**
 * The messages an actor may see, as SQL over `messages` (besides the account filter): all of them
 * with View All SMS, else those linked to a record they may see, and those they sent.
 */
export function messageScope(actor: Actor): SQL | undefined {
  if (seesAllMessages(actor) || actor.kind !== 'user') return undefined;
  return or(
    eq(messages.userId, actor.userId),
    exists(
      sql`(select 1 from ${messageRecords} where ${and(
        eq(messageRecords.accountId, messages.accountId),
        eq(messageRecords.messageId, messages.id),
        visibleLink(actor),
      )})`,
    ),
  )!;
}
