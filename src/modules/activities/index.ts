// The public entry of the activities module: other modules, the server, the CLI and jobs import only this.

export { appointmentBusyIntervals } from './appointments.ts';
export { createActivityInTx } from './create-activity.ts';
export { seedDefaultActivitySettings } from './defaults.ts';
export { serializeCalendar } from './ics.ts';
export { activityRoutes, calendarFeedPublicRoutes } from './routes.ts';
