import { asc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { appointmentSchedules, appointmentScheduleUsers } from './schema.ts';
import { publicUrlOf } from './schedules.ts';

export type CalendarLink = { scheduleId: string; name: string; url: string };

/**
 * A user's Calendar Links (seed 001, user sales settings): the public booking page of every
 * active Appointment Schedule the user is on — their own schedule or an account schedule that
 * lists them. None when the user is on no schedule (the setting is then not shown).
 */
export async function calendarLinksOf(
  db: DbOrTx,
  scope: AccountScope,
  baseUrl: string,
  userId: string,
): Promise<CalendarLink[]> {
  const s = appointmentSchedules;
  const listed = sql`exists (select 1 from ${appointmentScheduleUsers} m where m.account_id = ${s.accountId} and m.schedule_id = ${s.id} and m.user_id = ${userId})`;
  const rows = await db
    .select({ scheduleId: s.id, name: s.name, slug: s.slug })
    .from(s)
    .where(inAccount(scope, s, eq(s.active, true), or(eq(s.ownerUserId, userId), listed)))
    .orderBy(asc(s.name), asc(s.id));
  return rows.map((r) => ({ scheduleId: r.scheduleId, name: r.name, url: publicUrlOf(baseUrl, r.slug) }));
}
