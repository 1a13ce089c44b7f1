// The public entry of the intake module: other modules, the server, the CLI and jobs import only this.

export { LEAD_FIELDS, NOTE_HEADING, RowValidator } from './lead-fields.ts';
export type { LeadKey, LeadValues } from './lead-fields.ts';
export { findMatches, leadKeys } from './match-leads.ts';
export type { KeyedLead } from './match-leads.ts';
export { intakeRoutes } from './routes.ts';
