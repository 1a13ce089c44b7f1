/**
 * Every deep import of another module this module uses, in one place (the house rule): the
 * integrator points these at the modules' public entries once they exist.
 */
export { can, type AccessProfile, type RecordContext } from '../access/index.ts';
export type { Actor, UserActor } from '../access/index.ts';
export { salesRecords } from '../sales-records/schema.ts';
export { individuals } from '../individuals/schema.ts';
