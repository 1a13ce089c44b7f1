// The public entry of the policies module: other modules, the server, the CLI and jobs import only this.

export { listPolicies, loadPolicy } from './policies.ts';
export { RENEWAL_CYCLES, daysBetween, nextRenewalDate, policyYear } from './renewal.ts';
export { policyRoutes } from './routes.ts';
export { POLICY_STATUSES } from './schema.ts';
export { policyOwner } from './policies.ts';
export { movePoliciesToIndividual } from './sales-record-hooks.ts';
