/**
 * Every import of another module's internals that the messaging module needs, in one place: those
 * modules have no public entry (index.ts) yet. When they do, fix the imports here only.
 */
export { authorize, requireAccountAdmin } from '../access/index.ts';
export { can, isRestrictedToAccessibleAgents } from '../access/index.ts';
export type { Actor } from '../access/index.ts';
export { recordAudit } from '../audit/index.ts';
export { notifyLive } from '../live/index.ts';
export { loadVisibleSalesRecord, recordContext } from '../sales-records/index.ts';
export { loadVisibleIndividual } from '../individuals/index.ts';
export { queueEmail } from '../email/index.ts';
export type { OutgoingEmail } from '../email/index.ts';
export { actorOf, requestContext } from '../../server/plugins/auth.ts';
export { salesRecords } from '../sales-records/schema.ts';
export { individuals } from '../individuals/schema.ts';
export { agents } from '../agents/schema.ts';
export { users } from '../users/schema.ts';
export { accounts } from '../accounts/schema.ts';
export { recordFiles } from '../files/schema.ts';
export { emails } from '../email/schema.ts';
