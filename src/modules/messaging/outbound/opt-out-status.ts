import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { optOutLedger } from '../schema.ts';

export type OptOutEntry = {
  id: string;
  action: 'opt_out' | 'revocation_confirmed' | 'opt_in';
  accountNumber: string;
  source: string;
  keyword: string | null;
  at: Date;
};
export type OptOutStatus = { optedOut: boolean; entry: OptOutEntry | null };

const DECIDING = ['opt_out', 'revocation_confirmed', 'opt_in'] as const;

/**
 * Consent for a beneficiary phone on one account number: the latest ledger row for that number or
 * for all of them ('*') among opt_out / revocation_confirmed / opt_in decides. Used at send time,
 * again when the engine takes the text, and by the inbox badge (sms-in).
 */
export async function optOutStatus(
  db: DbOrTx,
  accountId: string,
  phone: string,
  accountNumber: string,
): Promise<OptOutStatus> {
  const [row] = await db
    .select({
      id: optOutLedger.id,
      action: optOutLedger.action,
      accountNumber: optOutLedger.accountNumber,
      source: optOutLedger.source,
      keyword: optOutLedger.keyword,
      at: optOutLedger.at,
    })
    .from(optOutLedger)
    .where(
      and(
        eq(optOutLedger.accountId, accountId),
        eq(optOutLedger.phone, phone),
        inArray(optOutLedger.accountNumber, [accountNumber, '*']),
        inArray(optOutLedger.action, [...DECIDING]),
      ),
    )
    .orderBy(desc(optOutLedger.at), desc(optOutLedger.id))
    .limit(1);
  if (!row) return { optedOut: false, entry: null };
  const entry = row as OptOutEntry;
  return { optedOut: entry.action !== 'opt_in', entry };
}

export const describeOptOut = (phone: string, e: OptOutEntry): string =>
  `${phone} opted out${e.accountNumber === '*' ? ' of every number of the account' : ` of ${e.accountNumber}`} ` +
  `on ${e.at.toISOString()} (${e.source}${e.keyword ? ` “${e.keyword}”` : ''}; ledger entry ${e.id}). ` +
  'Nothing was sent; only the person can opt back in (START), or record consent given by other means.';
