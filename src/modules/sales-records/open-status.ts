import { type SQL, sql } from 'drizzle-orm';
import { recordStatuses } from '../record-types/schema.ts';
import type { salesRecords } from './schema.ts';

/**
 * SQL: the record's status is closed (won or lost). A correlated scalar subquery, so PostgreSQL
 * probes the status's primary key for each row it returns; as `exists (…)` the planner hashed the
 * whole record_statuses table (every account's statuses: 2+ ms on the bench's 1,000 accounts,
 * where the list's page costs 0.1 ms).
 */
export const closedStatus = (t: typeof salesRecords): SQL =>
  sql`coalesce((select ${recordStatuses.isClosed} from ${recordStatuses} where ${recordStatuses.accountId} = ${t.accountId} and ${recordStatuses.id} = ${t.statusId}), false)`;

/** SQL: the record's status is open (not closed). */
export const openStatus = (t: typeof salesRecords): SQL => sql`not ${closedStatus(t)}`;
