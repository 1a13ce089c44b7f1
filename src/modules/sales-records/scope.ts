import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { isRestrictedToAccessibleAgents } from '../access/can.ts';
import { salesRecords } from './schema.ts';

/**
 * What a user's scope looks like, without the ids: lists build (and cache) one SQL text per shape
 * and bind the ids as parameters.
 */
export type ScopeShape = { assignedOnly: boolean; restricted: boolean; includeUnassigned: boolean };

/** A value in a condition: a literal parameter now, or a named placeholder of a cached query. */
export type Bind = (name: string, value: unknown) => SQL;
export const literal: Bind = (_name, value) => sql`${sql.param(value)}`;

export type ScopeInput = {
  shape: ScopeShape;
  viewableTypeIds: string[];
  userId: string;
  linkedAgentIds: string[];
  accessibleAgentIds: string[];
};

/** The scope of a signed-in user; null for API keys and the operator (the whole account). */
export function scopeInput(actor: Actor): ScopeInput | null {
  if (actor.kind !== 'user') return null;
  const p = actor.profile;
  return {
    shape: {
      assignedOnly: p.sales.recordAccess === 'assigned',
      restricted: isRestrictedToAccessibleAgents(p),
      includeUnassigned: p.group.recordAccess.includeUnassigned,
    },
    viewableTypeIds: Object.entries(p.sales.recordTypeAccess)
      .filter(([, bits]) => bits.view === true)
      .map(([id]) => id),
    userId: p.userId,
    linkedAgentIds: [...p.linkedAgentIds],
    accessibleAgentIds: [...p.accessibleAgentIds],
  };
}

/**
 * The Sales Records a user may see, as a SQL condition — the list-side twin of `can()` for
 * `sales_record.view`: Record Type Access (view), Record Access (all / assigned), and the
 * Accessible Agents restriction. Tested against `can()` record by record. Built from the shape
 * only; every id goes through `bind`.
 */
export function scopeCondition(s: ScopeInput, bind: Bind): SQL {
  const t = salesRecords;
  const uuids = (name: string, ids: string[]) => sql`${bind(name, ids)}::uuid[]`;
  const mine = sql`(${t.assignedUserId} = ${bind('scopeUser', s.userId)}::uuid or ${t.assignedAgentId} = any(${uuids('scopeLinked', s.linkedAgentIds)}))`;
  const parts: SQL[] = [sql`${t.recordTypeId} = any(${uuids('scopeTypes', s.viewableTypeIds)})`];
  if (s.shape.assignedOnly) parts.push(mine);
  if (s.shape.restricted) {
    const unassigned = s.shape.includeUnassigned
      ? sql` or (${t.assignedAgentId} is null and ${t.assignedUserId} is null)`
      : sql``;
    parts.push(
      sql`(${mine} or ${t.assignedAgentId} = any(${uuids('scopeAccessible', s.accessibleAgentIds)})${unassigned})`,
    );
  }
  return sql.join(parts, sql` and `);
}

/** `scopeCondition` with literal values, for one-off queries (dashboard, a client's records…). */
export function salesRecordScope(actor: Actor): SQL | undefined {
  const s = scopeInput(actor);
  return s ? scopeCondition(s, literal) : undefined;
}
