// The public entry of the commissions module: other modules, the server, the CLI and jobs import only this.

export { commissionRoutes } from './routes.ts';
