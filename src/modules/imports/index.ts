// The public entry of the imports module: other modules, the server, the CLI and jobs import only this.

export { importRoutes } from './routes.ts';
export { runImportDefinition } from './run-import.ts';
export { importHoldsStoredBytes } from './stored-bytes.ts';
