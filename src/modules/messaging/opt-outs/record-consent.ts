import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../lib/errors.ts';
import { Phone } from '../../../lib/phone.ts';
import { phoneNumbers } from '../schema.ts';
import { authorize, type Actor } from '../inbound/ports.ts';
import { toEntry } from './list-opt-outs.ts';
import { recordOptOut } from './record-opt-out.ts';

export const ConsentInput = z.strictObject({
  phone: Phone,
  /** One of the account's numbers; omitted: every number of the account. */
  accountNumber: Phone.optional(),
  action: z.enum(['opt_out', 'opt_in']),
  note: z.string().trim().min(1).max(2000),
});

/**
 * A user records consent revoked or given by other means (a call, a letter, an email): one ledger
 * row with the user and their note. Opting out needs no more than View Messages Tab — refusing to
 * text is always safe.
 */
export async function recordConsent(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; input: z.infer<typeof ConsentInput> },
) {
  const { actor, input } = opts;
  authorize(actor, 'sms.inbox');
  return deps.db.transaction(async (tx) => {
    if (input.accountNumber) {
      const [n] = await tx
        .select({ id: phoneNumbers.id })
        .from(phoneNumbers)
        .where(
          and(
            eq(phoneNumbers.accountId, actor.accountId),
            eq(phoneNumbers.number, input.accountNumber),
            isNull(phoneNumbers.deletedAt),
          ),
        );
      if (!n)
        throw new AppError('validation', 'The request has invalid fields.', {
          errors: [{ path: 'accountNumber', message: 'Not one of the account’s phone numbers.' }],
        });
    }
    const row = await recordOptOut(tx, {
      accountId: actor.accountId,
      phone: input.phone,
      accountNumber: input.accountNumber ?? '*',
      action: input.action,
      source: 'user',
      body: input.note,
      userId: actor.kind === 'user' ? actor.userId : null,
    });
    return toEntry(row);
  });
}
