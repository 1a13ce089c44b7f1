// The public entry of the agents module: other modules, the server, the CLI and jobs import only this.

export { assertAgentsExist } from './agents.ts';
export { agentRoutes } from './routes.ts';
export type { AgentLinkKind } from './schema.ts';
export { agentNames, withAgentNames } from './read-models.ts';
export { agentLinksOf, firstLinkedAgentOf, setAgentLinks } from './user-links.ts';
