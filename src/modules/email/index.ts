// The public entry of the email module: other modules, the server, the CLI and jobs import only this.

export { deliverEmailDefinition, sweepQueuedEmails } from './deliver-email.ts';
export { queueEmail } from './queue-email.ts';
export type { OutgoingEmail } from './queue-email.ts';
export { emailRoutes } from './routes.ts';
export { deliverEmailJob, sweepQueuedEmailsDefinition } from './deliver-email.ts';
