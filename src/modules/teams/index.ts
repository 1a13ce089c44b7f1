// The public entry of the teams module: other modules, the server, the CLI and jobs import only this.

export { teamRoutes } from './routes.ts';
export { userTeamsOfTeams } from './user-teams.ts';
