// The public entry of the accounts module: other modules, the server, the CLI and jobs import only this.

export { getAccount, isSetupNeeded, temperaturePeriodsOf } from './account-settings.ts';
export { accountRoutes } from './routes.ts';
export { DEFAULT_LEAD_INTAKE, PACKAGES } from './schema.ts';
export type { AccountSettings, Package } from './schema.ts';
export type { AccountSettingsChecks } from './account-settings.ts';
export { DEFAULT_TEMPERATURE_PERIODS } from './temperature-periods.ts';
export type { Period, TemperaturePeriods } from './temperature-periods.ts';
export { accountBasics, accountPackages, lockAccount } from './read-models.ts';
