import { type SQL, sql } from 'drizzle-orm';
import { isRestrictedToAccessibleAgents, type Actor } from '../access/index.ts';
import { salesRecords } from './schema.ts';

/**
 * What a user's scope looks like, without the ids: lists build (and cache) one SQL text per shape
 * and bind the ids as parameters.
 */
export type ScopeShape = { assignedOnly: boolean; restricted: boolean; includeUnassigned: boolean };

/** The values a scope condition binds, by placeholder name. */
export type ScopeParams = {
  scopeTypes: string[];
  scopeUser: string;
  scopeLinked: string[];
  scopeAccessible: string[];
};

/** A value in a condition, by name: a literal parameter now, or a placeholder of a cached query. */
export type Bind = (name: keyof ScopeParams) => SQL;

export type ScopeInput = { shape: ScopeShape; params: ScopeParams };

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
    params: {
      scopeTypes: Object.entries(p.sales.recordTypeAccess)
        .filter(([, bits]) => bits.view === true)
        .map(([id]) => id),
      scopeUser: p.userId,
      scopeLinked: [...p.linkedAgentIds],
      scopeAccessible: [...p.accessibleAgentIds],
    },
  };
}

/**
 * The Sales Records a user may see, as a SQL condition — the list-side twin of `can()` for
 * `sales_record.view`: Record Type Access (view), Record Access (all / assigned), and the
 * Accessible Agents restriction. Tested against `can()` record by record. Built from the shape
 * only; every id goes through `bind`.
 */
export function scopeCondition(shape: ScopeShape, bind: Bind): SQL {
  const t = salesRecords;
  const uuids = (name: 'scopeTypes' | 'scopeLinked' | 'scopeAccessible') => sql`${bind(name)}::uuid[]`;
  const mine = sql`(${t.assignedUserId} = ${bind('scopeUser')}::uuid or ${t.assignedAgentId} = any(${uuids('scopeLinked')}))`;
  const parts: SQL[] = [sql`${t.recordTypeId} = any(${uuids('scopeTypes')})`];
  if (shape.assignedOnly) parts.push(mine);
  if (shape.restricted) {
    const unassigned = shape.includeUnassigned
      ? sql` or (${t.assignedAgentId} is null and ${t.assignedUserId} is null)`
      : sql``;
    parts.push(sql`(${mine} or ${t.assignedAgentId} = any(${uuids('scopeAccessible')})${unassigned})`);
  }
  return sql.join(parts, sql` and `);
}

/** `scopeCondition` with literal values, for one-off queries (dashboard, a client's records…). */
export function salesRecordScope(actor: Actor): SQL | undefined {
  const s = scopeInput(actor);
  return s ? scopeCondition(s.shape, (name) => sql`${sql.param(s.params[name])}`) : undefined;
}
