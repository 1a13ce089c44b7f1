// The public entry of the sales-records module: other modules, the server, the CLI and jobs import only this.

export { assignmentProblems } from './assignment-rule.ts';
export { FromIndividualInput, createSalesRecordForIndividual } from './convert-sales-record.ts';
export { purgeDeletedSalesRecords } from './delete-sales-record.ts';
export { SalesRecordFields } from './fields.ts';
export { NoteInput } from './notes.ts';
export { SalesRecordSchema, salesRecordRoutes } from './routes.ts';
export { createSalesRecord, loadVisibleSalesRecord, recordContext } from './sales-records.ts';
export { salesRecordScope } from './scope.ts';
