/**
 * Every import this module makes from another module without a public index.ts (common brief:
 * kept in one file so the integrator can point them at each module's index once it exists).
 */
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/index.ts';

export type { Actor, RequestContext, SystemActor, UserActor } from '../access/index.ts';
export { authorize } from '../access/index.ts';
export { can, type RecordContext } from '../access/index.ts';
export type { TaskId } from '../access/index.ts';
export { accounts } from '../accounts/schema.ts';
export { recordAudit } from '../audit/index.ts';
export { diff } from '../audit/index.ts';
export { queueEmail } from '../email/index.ts';
export { emails } from '../email/schema.ts';
export { individuals } from '../individuals/schema.ts';
export { loadVisibleIndividual } from '../individuals/index.ts';
export { salesRecords } from '../sales-records/schema.ts';
export { loadVisibleSalesRecord, recordContext } from '../sales-records/index.ts';
export { users, userSalesRepIds, type Signature } from '../users/schema.ts';

/**
 * Send the form's link by text. The messaging layer's `sendMessage` use case (POST
 * /api/v1/messages) is being built on another branch.
 * It is called inside send-form's transaction (pass `tx` on as messaging's `db`), after the form row
 * and its link's hash are written, so a refusal rolls the form back. The intended call is
 *
 *   const r = await sendMessage(db, actor, {
 *     channel: 'sms', to: { type: record.kind, id: record.id }, body,
 *     origin: 'form', whenOutsideWindow: 'refuse',
 *   }); // → { status: 'sent' | 'pending', messageId } or a typed refusal (window, opt-out, no number)
 *   return { messageId: r.messageId, status: r.status };
 *
 * Until it is merged, texting answers 409 texting_unavailable and nothing is stored.
 */
export async function sendFormText(
  _db: DbOrTx,
  _actor: Actor,
  _msg: { to: { type: 'sales_record' | 'individual'; id: string }; body: string },
): Promise<{ status: 'sent' | 'pending'; messageId: string }> {
  throw new AppError(
    'texting_unavailable',
    'Texting is not available on this server yet: send the form by email.',
    { errors: [{ path: 'channel', message: 'Texting is not available yet; choose email.' }] },
  );
}
