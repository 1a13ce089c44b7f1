// The public entry of the audit module: other modules, the server, the CLI and jobs import only this.

export { diff, recordOf } from './events.ts';
export type { RecordRef } from './events.ts';
export { auditRow, recordAudit } from './record-audit.ts';
