/** The forms module's public entry: what other modules may use. */
export { evaluateSoaTiming, regimeOn, type SoaTimingInput, type SoaTimingOutcome } from './soa-timing.ts';
export { formRoutes } from './routes.ts';
export { formPublicRoutes } from './public-routes.ts';
export type { FormKind } from './schema.ts';
export { formHoldsStoredBytes } from './stored-bytes.ts';
