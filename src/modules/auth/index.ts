// The public entry of the auth module: other modules, the server, the CLI and jobs import only this.

export { login } from './login.ts';
export { endUserSessions } from './logout.ts';
export { resolveSession } from './resolve-session.ts';
export { authRoutes } from './routes.ts';
export { assertNotThrottled, countThrottled } from './throttle.ts';
export type { ThrottleRule } from './throttle.ts';
