import { and, eq, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import type { RecordKind } from '../schema.ts';
import { agents, individuals, salesRecords } from './ports.ts';

export type MatchedRecord = { type: RecordKind; id: string };

/**
 * Every record of the account whose phone is `phone` (E.164, exact): Sales Records (phone, cell
 * phone; not those in the recovery bin), Individuals (phone, cell phone) and Agents (phone). Each
 * lookup is an equality on the record modules' `(account_id, phone)` / `(account_id, cell_phone)`
 * indexes (a BitmapOr of the two); agents are few per account and read by their primary key prefix.
 */
export async function matchRecordsByPhone(
  tx: DbOrTx,
  accountId: string,
  phone: string,
): Promise<MatchedRecord[]> {
  const [sr, ind, ag] = await Promise.all([
    tx
      .select({ id: salesRecords.id })
      .from(salesRecords)
      .where(
        and(
          eq(salesRecords.accountId, accountId),
          or(eq(salesRecords.phone, phone), eq(salesRecords.cellPhone, phone)),
          isNull(salesRecords.deletedAt),
        ),
      ),
    tx
      .select({ id: individuals.id })
      .from(individuals)
      .where(
        and(
          eq(individuals.accountId, accountId),
          or(eq(individuals.phone, phone), eq(individuals.cellPhone, phone)),
        ),
      ),
    tx
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.accountId, accountId), eq(agents.phone, phone))),
  ]);
  return [
    ...sr.map((r) => ({ type: 'sales_record' as const, id: r.id })),
    ...ind.map((r) => ({ type: 'individual' as const, id: r.id })),
    ...ag.map((r) => ({ type: 'agent' as const, id: r.id })),
  ];
}
