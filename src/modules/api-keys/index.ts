// The public entry of the api-keys module: other modules, the server, the CLI and jobs import only this.

export { authenticateApiKey, createApiKey } from './api-keys.ts';
export { apiKeyRoutes } from './routes.ts';
export type { ApiKeyScope } from './schema.ts';
