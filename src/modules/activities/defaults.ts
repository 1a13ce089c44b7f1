import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import type { AccountScope } from '../access/index.ts';
import { activityStatuses, activityTypes, type ActivityCategory } from './schema.ts';

/** The Activity Types every account starts with (migration 0015 seeds the same for older accounts). */
export const DEFAULT_ACTIVITY_TYPES: readonly { name: string; category: ActivityCategory | null }[] = [
  { name: 'Call', category: null },
  { name: 'Task', category: null },
  { name: 'Email', category: null },
  { name: 'Appointment', category: 'appointment' },
];

/** The Activity Statuses every account starts with; the first open one is the default of new activities. */
export const DEFAULT_ACTIVITY_STATUSES: readonly { name: string; isClosed: boolean; isCancelled: boolean }[] =
  [
    { name: 'Scheduled', isClosed: false, isCancelled: false },
    { name: 'Completed', isClosed: true, isCancelled: false },
    { name: 'Cancelled', isClosed: true, isCancelled: true },
    { name: 'No Show', isClosed: true, isCancelled: false },
  ];

/** Seed a new account's Activity Types and Statuses (in the account-creation transaction). */
export async function seedDefaultActivitySettings(tx: DbOrTx, scope: AccountScope): Promise<void> {
  await tx.insert(activityTypes).values(
    DEFAULT_ACTIVITY_TYPES.map((t, i) => ({
      accountId: scope.accountId,
      id: newId(),
      name: t.name,
      category: t.category,
      sortOrder: i,
    })),
  );
  await tx.insert(activityStatuses).values(
    DEFAULT_ACTIVITY_STATUSES.map((s, i) => ({
      accountId: scope.accountId,
      id: newId(),
      name: s.name,
      isClosed: s.isClosed,
      isCancelled: s.isCancelled,
      sortOrder: i,
    })),
  );
}
