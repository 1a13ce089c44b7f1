// The public entry of the sales-records module: other modules, the server, the CLI and jobs import only this.

// First, before anything that loads the individuals module: individuals.ts builds its schema from these
// fields when it loads, and sales-records ↔ individuals is still a cycle (KNOWN_UPWARD in
// scripts/module-graph.ts). Keep this line first until that cycle is cut.
export { SalesRecordFields } from './fields.ts';

export { assignmentProblems } from './assignment-rule.ts';
export { FromIndividualInput, createSalesRecordForIndividual } from './convert-sales-record.ts';
export { purgeDeletedSalesRecords } from './delete-sales-record.ts';
export { SalesRecordSchema, salesRecordRoutes } from './routes.ts';
export { createSalesRecord, loadVisibleSalesRecord, recordContext } from './sales-records.ts';
export { salesRecordScope } from './scope.ts';
export { assertNotConverted } from './sales-records.ts';
export { purgeDeletedSalesRecordsDefinition } from './purge-job.ts';
export { CreateSalesRecordInput } from './fields.ts';
