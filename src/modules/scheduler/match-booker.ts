import type { DbOrTx } from '../../db/client.ts';
import { newestIndividualByPhone } from '../individuals/index.ts';
import { salesRecordMatchCandidates } from '../sales-records/index.ts';
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
    const rows = await salesRecordMatchCandidates(
      tx,
      scope,
      { email, phone: booker.phone, first, last },
      CANDIDATES,
    );
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
  const ind = await newestIndividualByPhone(tx, scope, booker.phone);
  return ind ? { kind: 'individual', id: ind.id, on: 'phone' } : null;
}
