// What other modules may read of record types and statuses (docs/ARCHITECTURE.md, "rooms with doors"):
// functions of one query each, and SQL fragments ("read models") for hot paths that must stay one query.
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { recordStatuses, recordTypes } from './schema.ts';

export type RecordStatus = typeof recordStatuses.$inferSelect;

/** One status of the account, or undefined. */
export async function recordStatusById(
  db: DbOrTx,
  scope: AccountScope,
  id: string,
): Promise<RecordStatus | undefined> {
  const [row] = await db
    .select()
    .from(recordStatuses)
    .where(inAccount(scope, recordStatuses, eq(recordStatuses.id, id)));
  return row;
}

/** The first status (by sort order) of a record type, or undefined when the type has none / is not the account's. */
export async function firstStatusIdOf(db: DbOrTx, scope: AccountScope, recordTypeId: string) {
  const [s] = await db
    .select({ id: recordStatuses.id })
    .from(recordStatuses)
    .where(inAccount(scope, recordStatuses, eq(recordStatuses.recordTypeId, recordTypeId)))
    .orderBy(asc(recordStatuses.sortOrder))
    .limit(1);
  return s?.id;
}

export type StatusLabel = { name: string; isClosedWon: boolean; isClosed: boolean };

/** Name and closed flags of the given statuses of the account, by id, in one query. */
export async function statusLabels(
  db: DbOrTx,
  scope: AccountScope,
  statusIds: Iterable<string>,
): Promise<Map<string, StatusLabel>> {
  const ids = [...new Set(statusIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: recordStatuses.id,
      name: recordStatuses.name,
      isClosedWon: recordStatuses.isClosedWon,
      isClosed: recordStatuses.isClosed,
    })
    .from(recordStatuses)
    .where(inAccount(scope, recordStatuses, inArray(recordStatuses.id, ids)));
  return new Map(rows.map(({ id, ...label }) => [id, label]));
}

/** Names of the given record types of the account, by id, in one query. */
export async function recordTypeNames(
  db: DbOrTx,
  scope: AccountScope,
  recordTypeIds: Iterable<string>,
): Promise<Map<string, string>> {
  const ids = [...new Set(recordTypeIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: recordTypes.id, name: recordTypes.name })
    .from(recordTypes)
    .where(inAccount(scope, recordTypes, inArray(recordTypes.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Read model for the lead list and the dashboard: the status named by a row's (account, status)
 * columns is closed (won or lost). A correlated scalar subquery, so PostgreSQL probes the status's
 * primary key for each row it returns; as `exists (…)` the planner hashed the whole record_statuses
 * table (every account's statuses: 2+ ms on the bench's 1,000 accounts, where the list's page costs
 * 0.1 ms).
 */
export const statusIsClosedSql = (accountId: PgColumn, statusId: PgColumn): SQL =>
  sql`coalesce((select ${recordStatuses.isClosed} from ${recordStatuses} where ${recordStatuses.accountId} = ${accountId} and ${recordStatuses.id} = ${statusId}), false)`;
