// The public entry of the audit module: other modules, the server, the CLI and jobs import only this.

export { diff } from './events.ts';
export { auditRow, recordAudit } from './record-audit.ts';
