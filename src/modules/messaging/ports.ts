/**
 * Every import of another module's internals that the messaging module needs, in one place: those
 * modules have no public entry (index.ts) yet. When they do, fix the imports here only.
 */
export { authorize, requireAccountAdmin } from '../access/require.ts';
export { can, isRestrictedToAccessibleAgents } from '../access/can.ts';
export type { Actor } from '../access/actor.ts';
export { recordAudit } from '../audit/record-audit.ts';
export { notifyLive } from '../live/notify.ts';
export { loadVisibleSalesRecord, recordContext } from '../sales-records/sales-records.ts';
export { loadVisibleIndividual } from '../individuals/individuals.ts';
export { queueEmail } from '../email/queue-email.ts';
export type { OutgoingEmail } from '../email/queue-email.ts';
export { actorOf, requestContext } from '../../server/plugins/auth.ts';
export { salesRecords } from '../sales-records/schema.ts';
export { individuals } from '../individuals/schema.ts';
export { agents } from '../agents/schema.ts';
export { users } from '../users/schema.ts';
export { accounts } from '../accounts/schema.ts';
export { recordFiles } from '../files/schema.ts';
export { emails } from '../email/schema.ts';
