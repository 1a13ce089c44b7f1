import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/actor.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import type { LeadValues } from './lead-fields.ts';

export type Match = { id: string; matchedOn: 'email' | 'phone' | 'name+dateOfBirth' };

/**
 * Find an existing record for a lead: the same email, the same phone or cell (either way round),
 * or the same first name, last name and date of birth. Deleted records do not count.
 */
export async function findExistingRecord(
  tx: DbOrTx,
  scope: AccountScope,
  kind: 'sales_record' | 'individual',
  lead: LeadValues,
): Promise<Match | null> {
  const t = kind === 'sales_record' ? salesRecords : individuals;
  const phones = [lead.phone, lead.cellPhone].filter((p): p is string => Boolean(p));
  const conds: SQL[] = [];
  if (lead.email) conds.push(sql`lower(${t.email}) = ${lead.email.toLowerCase()}`);
  for (const p of phones) conds.push(eq(t.phone, p), eq(t.cellPhone, p));
  if (lead.firstName && lead.lastName && lead.dateOfBirth) {
    conds.push(
      sql`(lower(${t.firstName}) = ${lead.firstName.toLowerCase()} and lower(${t.lastName}) = ${lead.lastName.toLowerCase()} and ${t.dateOfBirth} = ${lead.dateOfBirth})`,
    );
  }
  if (conds.length === 0) return null;
  const rows = await tx
    .select({ id: t.id, email: t.email, phone: t.phone, cellPhone: t.cellPhone })
    .from(t)
    .where(
      and(
        inAccount(scope, t, or(...conds)),
        kind === 'sales_record' ? isNull(salesRecords.deletedAt) : undefined,
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const matchedOn: Match['matchedOn'] =
    lead.email && row.email?.toLowerCase() === lead.email.toLowerCase()
      ? 'email'
      : phones.some((p) => p === row.phone || p === row.cellPhone)
        ? 'phone'
        : 'name+dateOfBirth';
  return { id: row.id, matchedOn };
}
