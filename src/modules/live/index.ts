// The public entry of the live module: publish with `notifyLive` inside a change's transaction;
// pages listen on GET /api/v1/events.

export { LIVE_CHANNEL, notifyLive } from './notify.ts';
export type { LiveEvent } from './notify.ts';
export { liveRoutes } from './routes.ts';
