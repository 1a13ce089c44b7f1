// The public entry of the sales-records module: other modules, the server, the CLI and jobs import only this.

export { SalesRecordFields } from './fields.ts';
export { assignmentProblems } from './assignment-rule.ts';
export { clientSalesRecordRoutes } from './client-routes.ts';
export { purgeDeletedSalesRecords } from './delete-sales-record.ts';
export { SalesRecordSchema, salesRecordRoutes } from './routes.ts';
export { createSalesRecord, loadVisibleSalesRecord, recordContext } from './sales-records.ts';
export { salesRecordScope } from './scope.ts';
export { assertNotConverted } from './sales-records.ts';
export { purgeDeletedSalesRecordsDefinition } from './purge-job.ts';
export { CreateSalesRecordInput } from './fields.ts';
export {
  salesRecordConversionHooks,
  salesRecordPurgeHooks,
  type SalesRecordConversionHook,
  type SalesRecordPurgeHook,
} from './hooks.ts';
export { deleteRecordsOfImport } from './imported-records.ts';
export { salesRecordMatchCandidates } from './booker-match.ts';
