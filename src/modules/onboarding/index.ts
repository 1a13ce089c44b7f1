// The public entry of the onboarding module: a new account with its defaults (record types, activity
// settings, security groups, first admin), from the setup page, the CLI or the demo seed. It sits above
// every module whose defaults it seeds.
export { CreateAccountInput, createAccount } from './create-account.ts';
export type { CreatedAccount } from './create-account.ts';
export { setupRoutes } from './routes.ts';
