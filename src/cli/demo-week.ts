import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { newId } from '../lib/ids.ts';
import { activities, activityStatuses, activityTypes } from '../modules/activities/schema.ts';
import { userAgentLinks } from '../modules/agents/schema.ts';
import { auditEvents } from '../modules/audit/schema.ts';
import { recordStatuses } from '../modules/record-types/schema.ts';
import { salesRecordNotes, salesRecords } from '../modules/sales-records/schema.ts';
import { users } from '../modules/users/schema.ts';

const SUBJECTS: Record<string, string[]> = {
  Call: ['Follow-up call about plan options', 'Return call: drug list questions', 'Intro call'],
  Email: ['Send plan comparison', 'Email enrollment checklist', 'Send SOA link'],
  Task: ['Prepare quote', 'Check MBI and Part B date', 'Update drug list'],
  Appointment: ['Plan review meeting', 'Enrollment appointment', 'AEP review'],
};

/** Monday 00:00 UTC of the week holding `now`. */
export function weekStart(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

/**
 * A realistic working week for the demo agency: for every user, calls, emails, tasks and
 * appointments from Monday to Friday of the current week, linked to their own leads (done before
 * now, scheduled after; one no-show), and a history for those leads — created, a status change,
 * a note added — as audit events.
 */
export async function seedDemoWeek(tx: DbOrTx, accountId: string, now = new Date()) {
  const types = (await tx.select().from(activityTypes).where(eq(activityTypes.accountId, accountId))).sort(
    (a, b) => a.sortOrder - b.sortOrder,
  );
  const statuses = await tx.select().from(activityStatuses).where(eq(activityStatuses.accountId, accountId));
  const userRows = await tx.select({ id: users.id }).from(users).where(eq(users.accountId, accountId));
  const links = await tx.select().from(userAgentLinks).where(eq(userAgentLinks.accountId, accountId));
  const records = await tx
    .select({
      id: salesRecords.id,
      agent: salesRecords.assignedAgentId,
      user: salesRecords.assignedUserId,
      type: salesRecords.recordTypeId,
      status: salesRecords.statusId,
    })
    .from(salesRecords)
    .where(eq(salesRecords.accountId, accountId));
  const recordStatusRows = await tx
    .select()
    .from(recordStatuses)
    .where(eq(recordStatuses.accountId, accountId));
  const status = (name: string) => statuses.find((s) => s.name === name)!.id;
  const monday = weekStart(now);
  const rows: (typeof activities.$inferInsert)[] = [];
  const events: (typeof auditEvents.$inferInsert)[] = [];
  const notes: (typeof salesRecordNotes.$inferInsert)[] = [];
  let k = 0;
  for (const [u, user] of userRows.entries()) {
    const agentIds = new Set(links.filter((l) => l.userId === user.id).map((l) => l.agentId));
    const own = records.filter((r) => r.user === user.id || (r.agent && agentIds.has(r.agent)));
    const mine = own.length ? own : records;
    for (let day = 0; day < 5; day++)
      for (let slot = 0; slot < 2; slot++) {
        const type = types[(u + day + slot) % types.length]!;
        const subject = SUBJECTS[type.name]?.[(day + slot) % 3] ?? type.name;
        const start = new Date(monday.getTime() + day * 86400_000 + (14 + slot * 3 + (u % 3)) * 3600_000);
        const timed = type.name === 'Call' || type.category === 'appointment';
        const past = start < now;
        const noShow = past && type.category === 'appointment' && (u + day) % 4 === 0;
        const record = mine[(k++ * 7) % mine.length]!;
        rows.push({
          accountId,
          id: newId(),
          activityTypeId: type.id,
          statusId: status(noShow ? 'No Show' : past ? 'Completed' : 'Scheduled'),
          subject,
          ownerUserId: user.id,
          startsAt: timed ? start : null,
          endsAt: timed
            ? new Date(start.getTime() + (type.category === 'appointment' ? 60 : 15) * 60_000)
            : null,
          dueAt: timed ? null : start,
          salesRecordId: record.id,
          notes: past && !noShow ? 'Spoke with the client; next step agreed.' : '',
          completedAt: past && !noShow ? new Date(start.getTime() + 30 * 60_000) : null,
          completedByUserId: past && !noShow ? user.id : null,
          createdByUserId: user.id,
          createdAt: new Date(monday.getTime() - 86400_000),
          updatedAt: new Date(monday.getTime() - 86400_000),
        });
      }
  }
  await tx.insert(activities).values(rows);
  for (const a of rows)
    events.push({
      accountId,
      id: newId(),
      occurredAt: a.createdAt!,
      type: a.completedAt ? 'activity.completed' : 'activity.created',
      actorUserId: a.ownerUserId!,
      subjectType: 'activity',
      subjectId: a.id!,
      data: { subject: a.subject, salesRecordId: a.salesRecordId },
    });
  // History on the leads worked this week: created, moved to another status, a note.
  const worked = [...new Set(rows.map((a) => a.salesRecordId!))];
  for (const [i, id] of worked.entries()) {
    const actor = rows.find((a) => a.salesRecordId === id)!.ownerUserId!;
    const at = new Date(monday.getTime() - (10 + i) * 3600_000);
    const record = records.find((r) => r.id === id)!;
    const first = recordStatusRows
      .filter((s) => s.recordTypeId === record.type)
      .sort((a, b) => a.sortOrder - b.sortOrder)[0]!;
    const noteId = newId();
    notes.push({
      accountId,
      id: noteId,
      salesRecordId: id,
      body: 'Called this week; wants to compare two plans.',
      authorUserId: actor,
      createdAt: at,
    });
    events.push(
      {
        accountId,
        id: newId(),
        occurredAt: new Date(at.getTime() - 7 * 86400_000),
        type: 'sales_record.created',
        actorUserId: actor,
        subjectType: 'sales_record',
        subjectId: id,
        data: { fields: { source: 'demo' } },
      },
      {
        accountId,
        id: newId(),
        occurredAt: at,
        type: 'sales_record.note_added',
        actorUserId: actor,
        subjectType: 'sales_record',
        subjectId: id,
        data: { noteId },
      },
      {
        accountId,
        id: newId(),
        occurredAt: new Date(at.getTime() + 3600_000),
        type: 'sales_record.updated',
        actorUserId: actor,
        subjectType: 'sales_record',
        subjectId: id,
        data: { changes: { statusId: { from: first.id, to: record.status } } },
      },
    );
  }
  if (notes.length) await tx.insert(salesRecordNotes).values(notes);
  for (let i = 0; i < events.length; i += 200) await tx.insert(auditEvents).values(events.slice(i, i + 200));
  return { activities: rows.length, events: events.length };
}
