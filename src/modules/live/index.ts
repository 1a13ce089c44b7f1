/** Live updates: publish with `notifyLive` inside a change's transaction; pages listen on GET /events. */
export { notifyLive, LIVE_CHANNEL, type LiveEvent } from './notify.ts';
export { liveRoutes } from './routes.ts';
