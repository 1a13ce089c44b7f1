/**
 * Every import this module makes from another module without a public index.ts (common brief:
 * kept in one file so the integrator can point them at each module's index once it exists).
 */
import type { Deps } from '../../deps.ts';
import type { Actor } from '../access/index.ts';
import { sendMessage } from '../messaging/index.ts';

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
 * Send the form's link by text through the messaging layer (origin `form`): the texting windows,
 * the opt-out ledger and the carrier pace apply as to any text. Refusals are messaging's own typed
 * errors (409 opted_out / outside_window / no_phone_number, 422 for the record's number…).
 */
export async function sendFormText(
  deps: Deps,
  actor: Actor,
  msg: { to: { type: 'sales_record' | 'individual'; id: string }; body: string },
): Promise<{ status: 'sent' | 'pending'; messageId: string }> {
  const { message, sent } = await sendMessage(deps, {
    actor,
    origin: 'form',
    input: { channel: 'sms', to: msg.to, body: msg.body, whenOutsideWindow: 'refuse' },
  });
  return { status: sent ? 'sent' : 'pending', messageId: message.id };
}
