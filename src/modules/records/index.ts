// The public entry of the records module: access to a Sales Record or an Individual as the owner of
// an attached thing (policies, files, commissions). The person's fields are the `person` module,
// below both record modules; notes and history are `record-journal`, above them.

export { assertRecordOwnerAccess } from './owner-access.ts';
export type { RecordOwner } from './owner-access.ts';
