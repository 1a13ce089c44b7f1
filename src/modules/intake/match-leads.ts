import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
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
  const live = (cond: SQL) =>
    tx
      .select({ id: t.id })
      .from(t)
      .where(
        and(inAccount(scope, t, cond), kind === 'sales_record' ? isNull(salesRecords.deletedAt) : undefined),
      )
      .limit(1);
  // One query per key kind, each on its own index, in order of preference.
  if (lead.email) {
    const [r] = await live(sql`lower(${t.email}) = ${lead.email.toLowerCase()}`);
    if (r) return { id: r.id, matchedOn: 'email' };
  }
  for (const p of [lead.phone, lead.cellPhone]) {
    if (!p) continue;
    const [r] = [...(await live(eq(t.phone, p))), ...(await live(eq(t.cellPhone, p)))];
    if (r) return { id: r.id, matchedOn: 'phone' };
  }
  if (lead.firstName && lead.lastName && lead.dateOfBirth) {
    const [r] = await live(
      sql`${t.dateOfBirth} = ${lead.dateOfBirth} and lower(${t.lastName}) = ${lead.lastName.toLowerCase()} and lower(${t.firstName}) = ${lead.firstName.toLowerCase()}`,
    );
    if (r) return { id: r.id, matchedOn: 'name+dateOfBirth' };
  }
  return null;
}
