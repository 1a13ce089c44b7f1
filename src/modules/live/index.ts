// The public entry of the live module: changes pages should show without a reload.

export { LIVE_CHANNEL, notifyLive } from './notify.ts';
export type { LiveEvent } from './notify.ts';
