import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { isRestrictedToAccessibleAgents } from '../access/can.ts';
import { salesRecords } from './schema.ts';

const none = sql`false`;
const anyOf = (
  col: typeof salesRecords.assignedAgentId | typeof salesRecords.recordTypeId,
  ids: Iterable<string>,
): SQL => {
  const list = [...ids];
  return list.length ? inArray(col, list) : none;
};

/**
 * The Sales Records an actor may see, as a SQL condition — the list-side twin of `can()` for
 * `sales_record.view`: Record Type Access (view), Record Access (all / assigned), and the
 * Accessible Agents restriction. Tested against `can()` record by record.
 */
export function salesRecordScope(actor: Actor): SQL | undefined {
  if (actor.kind !== 'user') return undefined; // API keys and the operator act for the whole account
  const p = actor.profile;
  const viewable = Object.entries(p.sales.recordTypeAccess)
    .filter(([, bits]) => bits.view === true)
    .map(([id]) => id);
  const mine = or(
    eq(salesRecords.assignedUserId, p.userId),
    anyOf(salesRecords.assignedAgentId, p.linkedAgentIds),
  );
  const parts: (SQL | undefined)[] = [anyOf(salesRecords.recordTypeId, viewable)];
  if (p.sales.recordAccess === 'assigned') parts.push(mine);
  if (isRestrictedToAccessibleAgents(p)) {
    parts.push(
      or(
        mine,
        anyOf(salesRecords.assignedAgentId, p.accessibleAgentIds),
        p.group.recordAccess.includeUnassigned
          ? and(isNull(salesRecords.assignedAgentId), isNull(salesRecords.assignedUserId))
          : undefined,
      ),
    );
  }
  return and(...parts);
}
