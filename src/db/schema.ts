// Every table, for drizzle-kit and the typed client. Modules own their tables; this file only lists them.
export * from '../modules/accounts/schema.ts';
export * from '../modules/users/schema.ts';
export * from '../modules/auth/schema.ts';
export * from '../modules/api-keys/schema.ts';
export * from '../modules/email/schema.ts';
export * from '../modules/audit/schema.ts';
export * from '../modules/agents/schema.ts';
export * from '../modules/teams/schema.ts';
export * from '../modules/record-types/schema.ts';
export * from '../modules/sales-records/schema.ts';
export * from '../modules/individuals/schema.ts';
export * from '../modules/policies/schema.ts';
export * from '../modules/files/schema.ts';
export * from '../modules/custom-fields/schema.ts';
export * from '../modules/intake/schema.ts';
export * from '../modules/imports/schema.ts';
export * from '../modules/activities/schema.ts';
