import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { salesRecords } from './schema.ts';

/**
 * Live, unconverted Sales Records that match a person by email (any case), phone or cell (E.164), or
 * first and last name (any case), each saying on what; the strongest first (email, then phone, then
 * newest), at most `limit`. For the scheduler's booker matching (seed 004), which picks the best.
 */
export async function salesRecordMatchCandidates(
  tx: DbOrTx,
  scope: AccountScope,
  person: { email: string; phone: string | null; first: string; last: string },
  limit: number,
) {
  const { email, first, last } = person;
  const booker = { phone: person.phone };
  const t = salesRecords;
  const byEmail = sql<boolean>`coalesce(lower(${t.email}) = ${email}, false)`;
  const byPhone = booker.phone
    ? sql<boolean>`coalesce(${t.phone} = ${booker.phone} or ${t.cellPhone} = ${booker.phone}, false)`
    : sql<boolean>`false`;
  const byName = sql<boolean>`(lower(${t.firstName}) = ${first} and lower(${t.lastName}) = ${last})`;
  return (
    tx
      .select({
        id: t.id,
        createdAt: t.createdAt,
        assignedUserId: t.assignedUserId,
        byEmail,
        byPhone,
        byName,
      })
      .from(t)
      .where(
        inAccount(
          scope,
          t,
          isNull(t.deletedAt),
          isNull(t.convertedAt),
          or(
            sql`lower(${t.email}) = ${email}`,
            booker.phone ? eq(t.phone, booker.phone) : undefined,
            booker.phone ? eq(t.cellPhone, booker.phone) : undefined,
            and(sql`lower(${t.lastName}) = ${last}`, sql`lower(${t.firstName}) = ${first}`),
          ),
        ),
      )
      // The strongest matches first, so the limit never drops the winner.
      .orderBy(desc(byEmail), ...(booker.phone ? [desc(byPhone)] : []), desc(t.createdAt), desc(t.id))
      .limit(limit)
  );
}
