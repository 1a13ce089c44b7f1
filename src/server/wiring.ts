// The composition root's second half (decision 042): where a lower module needs something from a
// module above it, the lower module declares a typed hook or slot and this file fills it. Run by
// openRuntime (src/server/runtime.ts) before anything is served or any job runs: the server, the CLI,
// tests and benchmarks all start there. Registering twice replaces, so running it again is harmless.
import {
  moveFilesToIndividual,
  releaseFilesOfPurgedRecord,
  storedBytesHolders,
} from '../modules/files/index.ts';
import { endUserSessions } from '../modules/auth/index.ts';
import { formHoldsStoredBytes } from '../modules/forms/index.ts';
import { importHoldsStoredBytes } from '../modules/imports/index.ts';
import { movePoliciesToIndividual } from '../modules/policies/index.ts';
import { salesRecordConversionHooks, salesRecordPurgeHooks } from '../modules/sales-records/index.ts';
import { calendarLinksOf } from '../modules/scheduler/index.ts';
import { userTeamsOfTeams } from '../modules/teams/index.ts';
import { userCalendarLinks, userSessions, userTeams } from '../modules/users/index.ts';

export function wireModules(): void {
  // files ← imports: an import's CSV upload keeps its stored bytes.
  storedBytesHolders.register('imports', importHoldsStoredBytes);
  // files ← forms: a signed form's PDF is kept for its retention period.
  storedBytesHolders.register('forms', formHoldsStoredBytes);
  // sales-records ← files, policies: what they attached to a Sales Record follows it.
  salesRecordPurgeHooks.register('files', releaseFilesOfPurgedRecord);
  salesRecordConversionHooks.register('files', moveFilesToIndividual);
  salesRecordConversionHooks.register('policies', movePoliciesToIndividual);
  // users ← teams, auth, scheduler: the user edit page's teams and calendar links; suspending or
  // deleting a user ends their sessions.
  userTeams.fill(userTeamsOfTeams);
  userSessions.fill({ endAll: (tx, scope, userId) => endUserSessions(tx, scope, userId) });
  userCalendarLinks.fill({ of: calendarLinksOf });
}
