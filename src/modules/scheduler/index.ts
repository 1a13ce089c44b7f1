// The public entry of the scheduler module: other modules, the server, the CLI and jobs import only this.

export { calendarLinksOf } from './calendar-links.ts';
export { schedulerPublicRoutes } from './public-routes.ts';
export { schedulerRoutes } from './routes.ts';
export { createSchedule } from './schedules.ts';
export { ScheduleInput } from './schedule-input.ts';
