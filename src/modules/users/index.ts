// The public entry of the users module: other modules, the server, the CLI and jobs import only this.

export { userAdminRoutes } from './admin-routes.ts';
export { insertUserWithLogins } from './insert-user.ts';
export { ALL_PERMISSIONS, NO_PERMISSIONS } from './permissions.ts';
export type { GroupPermissions } from './permissions.ts';
export { userRoutes } from './routes.ts';
export type { UserType } from './schema.ts';
export type { Signature } from './schema.ts';
export { userCalendarLinks, userSessions, userTeams, type CalendarLink, type UserTeams } from './hooks.ts';
export {
  assertActiveUsersExist,
  assertUsersExist,
  userNames,
  userNotDeletedSql,
  userProfile,
  type UserProfile,
  type UserName,
} from './read-models.ts';
export type { UserIdentity } from './me.ts';
export { passwordHashOf, setPasswordHash } from './credentials.ts';
