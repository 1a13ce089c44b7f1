// The public entry of the access module: other modules, the server, the CLI and jobs import only this.

export type { AccountScope, Actor, ApiKeyActor, RequestContext, SystemActor, UserActor } from './actor.ts';
export { can, isRestrictedToAccessibleAgents } from './can.ts';
export type { AccessProfile, RecordContext } from './can.ts';
export { groupWithin, salesWithin } from './escalation.ts';
export { authorize, requireAccountAdmin, requireUser } from './require.ts';
export { DEFAULT_SALES_PERMISSIONS, SCALE_ONLY_FLAGS, fullSalesPermissions } from './sales-permissions.ts';
export type { SalesPermissions } from './sales-permissions.ts';
export { GroupPermissionsSchema, SalesPermissionsSchema } from './schemas.ts';
export { FEATURE_PACKAGES, TASK_IDS } from './tasks.ts';
export type { TaskId } from './tasks.ts';
export { API_KEY_SCOPES, PACKAGES, USER_TYPES } from './vocabulary.ts';
export type { ApiKeyScope, GroupPermissions, Package, UserType } from './vocabulary.ts';
export { salesGrantWithin } from './escalation.ts';
