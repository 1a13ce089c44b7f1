// The public entry of the audit-log module: the account's audit log for admins (GET /audit-log), with
// deleted and purged records' trails. Above users: it shows who did what by name.

export { auditRoutes } from './routes.ts';
