import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { statusIsClosedSql } from '../record-types/index.ts';
import type { salesRecords } from './schema.ts';

/** SQL: the record's status is closed (won or lost); the record-types module's read model. */
export const closedStatus = (t: typeof salesRecords): SQL => statusIsClosedSql(t.accountId, t.statusId);

/** SQL: the record's status is open (not closed). */
export const openStatus = (t: typeof salesRecords): SQL => sql`not ${closedStatus(t)}`;
