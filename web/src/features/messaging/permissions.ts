import { hasTask, type Me } from '../../lib/session';
import type { RecordKind } from './api/types';

/**
 * Who sees what of messaging, from GET /me (the server checks every request again):
 * the inbox needs View Messages Tab (admins always); sending and a record's history the `sms.*`
 * rows of the kind (record-level scope is the server's).
 */
export const canViewInbox = (me: Me): boolean =>
  me.salesPermissions.flags.viewMessagesTab === true || me.isAccountAdmin;

export const canSendTo = (me: Pick<Me, 'tasks'>, kind: RecordKind): boolean =>
  hasTask(me, `sms.send.${kind}`);

export const canReadMessagesOf = (me: Pick<Me, 'tasks'>, kind: RecordKind): boolean =>
  hasTask(me, `sms.history.${kind}`) || hasTask(me, 'sms.history.all');

/** Any live message event could concern this user. */
export const wantsLiveEvents = (me: Me): boolean =>
  canViewInbox(me) ||
  (['sales_record', 'individual', 'agent'] as const).some((k) => canReadMessagesOf(me, k));
