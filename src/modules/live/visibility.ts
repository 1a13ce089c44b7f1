import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { LiveEvent } from './notify.ts';
import { type AccessProfile, can, individuals, type RecordContext, salesRecords } from './ports.ts';

/** The access facts of an event's records, loaded once per event for every stream that needs them. */
export type RecordFacts = Map<string, RecordContext>;

const key = (type: string, id: string) => `${type}:${id}`;

/**
 * The access context of each record an event names (sales records and individuals need a row:
 * their type, assignment, servicing agent; an agent record is its own id). Records that are gone
 * (deleted, another account's) are left out, so nobody hears of them.
 */
export async function loadRecordFacts(db: DbOrTx, event: LiveEvent): Promise<RecordFacts> {
  const facts: RecordFacts = new Map();
  const ids = (type: LiveEvent['records'][number]['type']) =>
    event.records.filter((r) => r.type === type).map((r) => r.id);
  const salesIds = ids('sales_record');
  const individualIds = ids('individual');
  const [sales, people] = await Promise.all([
    salesIds.length
      ? db
          .select({
            id: salesRecords.id,
            recordTypeId: salesRecords.recordTypeId,
            assignedUserId: salesRecords.assignedUserId,
            assignedAgentId: salesRecords.assignedAgentId,
          })
          .from(salesRecords)
          .where(
            and(
              eq(salesRecords.accountId, event.accountId),
              inArray(salesRecords.id, salesIds),
              isNull(salesRecords.deletedAt),
            ),
          )
      : [],
    individualIds.length
      ? db
          .select({ id: individuals.id, servicingAgentId: individuals.servicingAgentId })
          .from(individuals)
          .where(and(eq(individuals.accountId, event.accountId), inArray(individuals.id, individualIds)))
      : [],
  ]);
  for (const r of sales) facts.set(key('sales_record', r.id), { kind: 'sales_record', ...r });
  for (const r of people)
    facts.set(key('individual', r.id), { kind: 'individual', servicingAgentId: r.servicingAgentId });
  for (const id of ids('agent')) facts.set(key('agent', id), { kind: 'agent', agentId: id });
  return facts;
}

/** Does the event need record facts for this profile (no account-wide SMS history)? */
export const needsRecordFacts = (profile: AccessProfile): boolean => !can(profile, 'sms.history.all').allowed;

/**
 * May this user hear of this message? Same account, and either every account text (View All SMS,
 * admins always) or the SMS history of one of the message's records. A message with no record
 * (an unknown sender) reaches only users who see every text: the inbox shows it to no one else.
 */
export function mayReceive(
  profile: AccessProfile,
  accountId: string,
  event: LiveEvent,
  facts: RecordFacts | null,
): boolean {
  if (event.accountId !== accountId) return false;
  if (!needsRecordFacts(profile)) return true;
  if (!facts) return false;
  for (const r of event.records) {
    const ctx = facts.get(key(r.type, r.id));
    if (!ctx) continue;
    const task =
      r.type === 'sales_record'
        ? 'sms.history.sales_record'
        : r.type === 'individual'
          ? 'sms.history.individual'
          : 'sms.history.agent';
    if (can(profile, task, { record: ctx }).allowed) return true;
  }
  return false;
}
