/**
 * Every import sms-in's code (inbound/, opt-outs/, inbox/) makes of another module that has no
 * public `index.ts` yet, in one place so the integrator can repoint them once those exist.
 */
import type { Deps } from '../../../deps.ts';

export type { Actor } from '../../access/index.ts';
export { authorize, requireUser } from '../../access/index.ts';
export { can, isRestrictedToAccessibleAgents } from '../../access/index.ts';
export { accounts } from '../../accounts/schema.ts';
export { agents } from '../../agents/schema.ts';
export { individuals } from '../../individuals/schema.ts';
export { individualScope, loadVisibleIndividual } from '../../individuals/index.ts';
export { salesRecords } from '../../sales-records/schema.ts';
export { salesRecordScope } from '../../sales-records/index.ts';
export { createSalesRecord, loadVisibleSalesRecord } from '../../sales-records/index.ts';
export { CreateSalesRecordInput } from '../../sales-records/index.ts';
export { users } from '../../users/schema.ts';
export { LIVE_CHANNEL, notifyLive } from '../../live/index.ts';
export { setSimulatorFailNext } from '../providers/simulator.ts';
export { recordFiles } from '../../files/schema.ts';

/**
 * The provider settings sms-in reads (added to src/config.ts on this branch). sms-out reads the
 * same variables through `messagingConfig()` (providers/config.ts); at merge, return
 * `{ provider: messagingConfig().provider, twilioAuthToken: messagingConfig().twilio?.authToken }`.
 */
export const inboundProviderConfig = (deps: Pick<Deps, 'config'>) => ({
  provider: deps.config.messagingProvider,
  twilioAuthToken: deps.config.twilioAuthToken,
});
