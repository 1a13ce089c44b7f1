import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { optOutLedger } from '../schema.ts';

/**
 * Is `phone` opted out of texts from `accountNumber`? The latest ledger row for the pair (or for
 * every number, '*') among opt_out / revocation_confirmed / opt_in decides (messaging-contract).
 * sms-out's `outbound/opt-out-status.ts` applies the same rule at send time; the inbound pipeline
 * needs it to send at most one confirmation per opt-out.
 */
export async function isOptedOut(
  tx: DbOrTx,
  q: { accountId: string; phone: string; accountNumber: string },
): Promise<boolean> {
  const [latest] = await tx
    .select({ action: optOutLedger.action })
    .from(optOutLedger)
    .where(
      and(
        eq(optOutLedger.accountId, q.accountId),
        eq(optOutLedger.phone, q.phone),
        inArray(optOutLedger.accountNumber, [q.accountNumber, '*']),
        inArray(optOutLedger.action, ['opt_out', 'revocation_confirmed', 'opt_in']),
      ),
    )
    .orderBy(desc(optOutLedger.at), desc(optOutLedger.id))
    .limit(1);
  return latest !== undefined && latest.action !== 'opt_in';
}
