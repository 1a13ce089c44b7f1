import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { individualNotes } from '../individuals/schema.ts';
import { salesRecordNotes } from '../sales-records/schema.ts';
import { users } from '../users/schema.ts';
import { assertRecordOwnerAccess, type RecordOwner } from '../records/index.ts';

export const NoteInput = z.strictObject({ body: z.string().trim().min(1, 'Write something.').max(20_000) });

/**
 * The notes of a Sales Record or an Individual: time-stamped, signed by their author, newest first.
 * One implementation for both; each kind keeps its own table (an Individual's notes may have come
 * over from a converted Sales Record).
 */
const tableOf = (kind: RecordOwner['kind']) =>
  kind === 'sales_record'
    ? { t: salesRecordNotes, owner: salesRecordNotes.salesRecordId, from: null }
    : { t: individualNotes, owner: individualNotes.individualId, from: individualNotes.fromSalesRecordId };

async function selectNotes(tx: DbOrTx, actor: Actor, record: RecordOwner, noteId?: string) {
  // Both tables have the same columns; the type of one stands for both.
  const { t, owner, from } = tableOf(record.kind) as unknown as {
    t: typeof individualNotes;
    owner: typeof individualNotes.individualId;
    from: typeof individualNotes.fromSalesRecordId | null;
  };
  const rows = await tx
    .select({
      id: t.id,
      body: t.body,
      createdAt: t.createdAt,
      authorUserId: t.authorUserId,
      fromSalesRecordId: from ?? t.id,
      author: { id: users.id, firstName: users.firstName, lastName: users.lastName },
    })
    .from(t)
    .leftJoin(users, and(eq(users.accountId, t.accountId), eq(users.id, t.authorUserId)))
    .where(inAccount(actor, t, eq(owner, record.id), noteId ? eq(t.id, noteId) : undefined))
    .orderBy(desc(t.createdAt), desc(t.id));
  return rows.map(({ authorUserId, ...n }) => ({
    ...n,
    fromSalesRecordId: from ? n.fromSalesRecordId : null,
    authorUserId,
  }));
}

const publicNote = <N extends { authorUserId: unknown }>({ authorUserId: _a, ...n }: N) => n;

/** The record's notes, newest first (View on the record). */
export async function listRecordNotes(deps: Pick<Deps, 'db'>, opts: { actor: Actor; record: RecordOwner }) {
  await assertRecordOwnerAccess(deps.db, opts.actor, opts.record, false);
  return (await selectNotes(deps.db, opts.actor, opts.record)).map(publicNote);
}

/** Add a time-stamped note signed by its author (Edit on the record; a converted Sales Record is read-only). */
export async function addRecordNote(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; record: RecordOwner; body: string },
) {
  const { actor, record } = opts;
  const id = newId();
  return deps.db.transaction(async (tx) => {
    await assertRecordOwnerAccess(tx, actor, record, true);
    const values = {
      accountId: actor.accountId,
      id,
      body: opts.body,
      authorUserId: actor.kind === 'user' ? actor.userId : null,
    };
    if (record.kind === 'sales_record')
      await tx.insert(salesRecordNotes).values({ ...values, salesRecordId: record.id });
    else await tx.insert(individualNotes).values({ ...values, individualId: record.id });
    await recordAudit(
      tx,
      actor,
      record.kind === 'sales_record'
        ? {
            type: 'sales_record.note_added',
            subjectType: 'sales_record',
            subjectId: record.id,
            data: { noteId: id },
          }
        : {
            type: 'individual.note_added',
            subjectType: 'individual',
            subjectId: record.id,
            data: { noteId: id },
          },
    );
    return publicNote((await selectNotes(tx, actor, record, id))[0]!);
  });
}

/**
 * Remove a note (Edit on the record). The audit event keeps what it said, who wrote it and when,
 * so the record's history still shows it.
 */
export async function removeRecordNote(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; record: RecordOwner; noteId: string },
) {
  const { actor, record } = opts;
  await deps.db.transaction(async (tx) => {
    await assertRecordOwnerAccess(tx, actor, record, true);
    const [note] = await selectNotes(tx, actor, record, opts.noteId);
    if (!note) throw notFound('Note');
    const { t } = tableOf(record.kind);
    await tx.delete(t).where(inAccount(actor, t, eq(t.id, note.id)));
    const data = {
      noteId: note.id,
      body: note.body,
      authorUserId: note.authorUserId,
      createdAt: note.createdAt.toISOString(),
    };
    await recordAudit(
      tx,
      actor,
      record.kind === 'sales_record'
        ? { type: 'sales_record.note_removed', subjectType: 'sales_record', subjectId: record.id, data }
        : { type: 'individual.note_removed', subjectType: 'individual', subjectId: record.id, data },
    );
  });
}
