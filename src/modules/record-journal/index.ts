// The public entry of the record-journal module: notes and history of Sales Records and Individuals,
// one implementation for both, above both record modules and the things attached to them.

export { recordRoutes } from './routes.ts';
