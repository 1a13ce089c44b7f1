// The public entry of the records module: other modules, the server, the CLI and jobs import only this.

export { assertRecordOwnerAccess } from './owner-access.ts';
export type { RecordOwner } from './owner-access.ts';
