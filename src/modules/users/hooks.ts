import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { Slot } from '../../lib/hooks.ts';
import type { AccountScope } from '../access/index.ts';

// What the users module needs from modules above it (decision 042), provided at start-up by
// src/server/wiring.ts: the user edit page shows and sets a user's teams and calendar links, and
// suspending or deleting a user ends their sessions.

/** A user's team memberships (the teams module owns teams and their members). */
export type UserTeams = {
  teamIdsOf(db: DbOrTx, scope: AccountScope, userId: string): Promise<string[]>;
  /** 404 `Team` unless every id is a team of the account. */
  assertTeamsExist(db: DbOrTx, scope: AccountScope, teamIds: string[]): Promise<void>;
  /** Replace the user's memberships ([] removes them all). */
  setTeamsOf(db: DbOrTx, scope: AccountScope, userId: string, teamIds: string[]): Promise<void>;
  /** Read model for the users list: `text[]` of the user's team names, A→Z, for a row's columns. */
  teamNamesSql(accountId: PgColumn, userId: PgColumn): SQL<string[]>;
};
export const userTeams = new Slot<UserTeams>('users ← teams: team memberships');

/** End every open session of a user (the auth module owns sessions). */
export type EndUserSessions = (tx: DbOrTx, scope: AccountScope, userId: string) => Promise<void>;
export const userSessions = new Slot<{ endAll: EndUserSessions }>('users ← auth: ending sessions');

export type CalendarLink = { scheduleId: string; name: string; url: string };
/** A user's Calendar Links: the booking pages of the schedules they are on (the scheduler's). */
export type CalendarLinksOf = (
  db: DbOrTx,
  scope: AccountScope,
  baseUrl: string,
  userId: string,
) => Promise<CalendarLink[]>;
export const userCalendarLinks = new Slot<{ of: CalendarLinksOf }>('users ← scheduler: calendar links');
