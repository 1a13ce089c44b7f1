import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import type { AccountScope } from '../access/index.ts';
import { bestMatch, type MatchKey } from './booking-rules.ts';

export type Booker = { firstName: string; lastName: string; email: string; phone: string | null };
export type BookerMatch =
  | { kind: 'sales_record'; id: string; assignedUserId: string | null; on: MatchKey }
  | { kind: 'individual'; id: string; on: MatchKey };

const CANDIDATES = 20;

/**
 * Seed 004, step 2: Sales Records by name, email, phone or cell (when the account has Sales
 * Records); then Individual Records by phone or cell only — a name or email alone never matches an
 * Individual. Deleted and converted Sales Records do not count (a converted one is read-only; its
 * Individual is found by phone instead). Several matches: `bestMatch` (decision 008).
 */
export async function matchBooker(
  tx: DbOrTx,
  scope: AccountScope,
  booker: Booker,
  opts: { salesRecords: boolean },
): Promise<BookerMatch | null> {
  const email = booker.email.toLowerCase();
  const first = booker.firstName.trim().toLowerCase();
  const last = booker.lastName.trim().toLowerCase();
  if (opts.salesRecords) {
    const t = salesRecords;
    const byEmail = sql<boolean>`coalesce(lower(${t.email}) = ${email}, false)`;
    const byPhone = booker.phone
      ? sql<boolean>`coalesce(${t.phone} = ${booker.phone} or ${t.cellPhone} = ${booker.phone}, false)`
      : sql<boolean>`false`;
    const byName = sql<boolean>`(lower(${t.firstName}) = ${first} and lower(${t.lastName}) = ${last})`;
    const rows = await tx
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
      .limit(CANDIDATES);
    const best = bestMatch(rows);
    if (best)
      return {
        kind: 'sales_record',
        id: best.record.id,
        assignedUserId: best.record.assignedUserId,
        on: best.on,
      };
  }
  if (!booker.phone) return null;
  const [ind] = await tx
    .select({ id: individuals.id })
    .from(individuals)
    .where(
      inAccount(
        scope,
        individuals,
        or(eq(individuals.phone, booker.phone), eq(individuals.cellPhone, booker.phone)),
      ),
    )
    .orderBy(desc(individuals.createdAt), desc(individuals.id))
    .limit(1);
  return ind ? { kind: 'individual', id: ind.id, on: 'phone' } : null;
}
