import type { DbOrTx } from '../../../db/client.ts';
import { optOutStatus } from '../outbound/opt-out-status.ts';

/**
 * Is `phone` opted out of texts from `accountNumber`? The one consent rule (`optOutStatus`), as a
 * yes/no: the inbound pipeline needs it to send at most one confirmation per opt-out.
 */
export async function isOptedOut(
  tx: DbOrTx,
  q: { accountId: string; phone: string; accountNumber: string },
): Promise<boolean> {
  return (await optOutStatus(tx, q.accountId, q.phone, q.accountNumber)).optedOut;
}
