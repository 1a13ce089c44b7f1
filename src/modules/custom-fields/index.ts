// The public entry of the custom-fields module: other modules, the server, the CLI and jobs import only this.

export { checkCustomFields } from './custom-fields.ts';
export { customFieldRoutes } from './routes.ts';
