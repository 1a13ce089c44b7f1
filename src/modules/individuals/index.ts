// The public entry of the individuals module: other modules, the server, the CLI and jobs import only this.

export { createIndividual, individualScope, loadVisibleIndividual } from './individuals.ts';
export { individualRoutes } from './routes.ts';
export { copyNotesToIndividual, fillIndividualBlanks, insertIndividualRow } from './from-sales-record.ts';
export { newestIndividualByPhone } from './by-phone.ts';
