import { type SQL, sql } from 'drizzle-orm';
import { recordStatuses } from '../record-types/schema.ts';
import type { salesRecords } from './schema.ts';

/** SQL: the record's status is closed (won or lost). A primary-key probe per record. */
export const closedStatus = (t: typeof salesRecords): SQL =>
  sql`exists (select 1 from ${recordStatuses} where ${recordStatuses.accountId} = ${t.accountId} and ${recordStatuses.id} = ${t.statusId} and ${recordStatuses.isClosed})`;

/** SQL: the record's status is open (not closed). */
export const openStatus = (t: typeof salesRecords): SQL => sql`not ${closedStatus(t)}`;
