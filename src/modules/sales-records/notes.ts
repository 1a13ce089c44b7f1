import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import { auditEvents } from '../audit/schema.ts';
import { users } from '../users/schema.ts';
import { authorize, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { assertNotConverted, loadVisibleSalesRecord, recordContext } from './sales-records.ts';
import { salesRecordNotes } from './schema.ts';

export const NoteInput = z.strictObject({ body: z.string().trim().min(1, 'Write something.').max(20_000) });

const noteColumns = {
  id: salesRecordNotes.id,
  body: salesRecordNotes.body,
  createdAt: salesRecordNotes.createdAt,
  author: { id: users.id, firstName: users.firstName, lastName: users.lastName },
};

export async function listNotes(deps: Deps, opts: { actor: Actor; salesRecordId: string }) {
  await loadVisibleSalesRecord(deps.db, opts.actor, opts.salesRecordId);
  return deps.db
    .select(noteColumns)
    .from(salesRecordNotes)
    .leftJoin(
      users,
      and(eq(users.accountId, salesRecordNotes.accountId), eq(users.id, salesRecordNotes.authorUserId)),
    )
    .where(inAccount(opts.actor, salesRecordNotes, eq(salesRecordNotes.salesRecordId, opts.salesRecordId)))
    .orderBy(desc(salesRecordNotes.createdAt), desc(salesRecordNotes.id));
}

/** Add a time-stamped note signed by its author (needs Edit on the record's type). */
export async function addNote(deps: Deps, opts: { actor: Actor; salesRecordId: string; body: string }) {
  const { actor } = opts;
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const record = await loadVisibleSalesRecord(tx, actor, opts.salesRecordId);
    authorize(actor, 'sales_record.edit', { record: recordContext(record) });
    assertNotConverted(record);
    await tx.insert(salesRecordNotes).values({
      accountId: actor.accountId,
      id,
      salesRecordId: opts.salesRecordId,
      body: opts.body,
      authorUserId: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      type: 'sales_record.note_added',
      subjectType: 'sales_record',
      subjectId: opts.salesRecordId,
      data: { noteId: id },
    });
  });
  const [note] = await deps.db
    .select(noteColumns)
    .from(salesRecordNotes)
    .leftJoin(
      users,
      and(eq(users.accountId, salesRecordNotes.accountId), eq(users.id, salesRecordNotes.authorUserId)),
    )
    .where(inAccount(actor, salesRecordNotes, eq(salesRecordNotes.id, id)));
  return note!;
}

/** The record's history: every audit event about it, oldest first, with who did it. */
export async function salesRecordHistory(deps: Deps, opts: { actor: Actor; salesRecordId: string }) {
  await loadVisibleSalesRecord(deps.db, opts.actor, opts.salesRecordId);
  return deps.db
    .select({
      id: auditEvents.id,
      type: auditEvents.type,
      occurredAt: auditEvents.occurredAt,
      data: auditEvents.data,
      actor: { id: users.id, firstName: users.firstName, lastName: users.lastName },
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.accountId, auditEvents.accountId), eq(users.id, auditEvents.actorUserId)))
    .where(
      inAccount(
        opts.actor,
        auditEvents,
        eq(auditEvents.subjectType, 'sales_record'),
        eq(auditEvents.subjectId, opts.salesRecordId),
      ),
    )
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
}
