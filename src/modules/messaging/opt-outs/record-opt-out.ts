import type { DbOrTx } from '../../../db/client.ts';
import { newId } from '../../../lib/ids.ts';
import { optOutLedger, type OptOutAction } from '../schema.ts';

export type LedgerEntry = {
  accountId: string;
  /** The beneficiary's phone, E.164. */
  phone: string;
  /** The account's number, E.164, or '*' for every number of the account. */
  accountNumber: string;
  action: OptOutAction;
  source: 'keyword' | 'user' | 'provider' | 'message';
  keyword?: string | null;
  messageId?: string | null;
  body?: string | null;
  userId?: string | null;
};

/**
 * Append one row to the opt-out ledger, in the caller's transaction. The ledger is append-only:
 * this is the only write sms-in makes to it, and nothing here updates or deletes a row.
 */
export async function recordOptOut(tx: DbOrTx, e: LedgerEntry) {
  const [row] = await tx
    .insert(optOutLedger)
    .values({
      accountId: e.accountId,
      id: newId(),
      phone: e.phone,
      accountNumber: e.accountNumber,
      action: e.action,
      source: e.source,
      keyword: e.keyword ?? null,
      messageId: e.messageId ?? null,
      body: e.body ?? null,
      userId: e.userId ?? null,
    })
    .returning();
  return row!;
}
