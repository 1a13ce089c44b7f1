import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { lockAccount } from '../accounts/index.ts';
import { authorize, type AccountScope, type Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { MAX_RECORD_TYPES, recordStatuses, recordTypes } from './schema.ts';

const StatusInput = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, 'Required.').max(100),
  isClosedWon: z.boolean().default(false),
  /** Closed: won or lost (a won status is always closed; omitted, it is closed when won). */
  isClosed: z.boolean().optional(),
});

/** The ordered statuses of a type: at least one, distinct names, at most one "closed won". */
const StatusList = z
  .array(StatusInput)
  .min(1, 'A record type needs at least one status.')
  .max(50)
  .superRefine((statuses, ctx) => {
    if (statuses.filter((s) => s.isClosedWon).length > 1) {
      ctx.addIssue({ code: 'custom', message: 'Only one status can mark "closed won".' });
    }
    statuses.forEach((s, i) => {
      if (s.isClosedWon && s.isClosed === false)
        ctx.addIssue({ code: 'custom', path: [i, 'isClosed'], message: 'A closed-won status is closed.' });
    });
    const seen = new Set<string>();
    statuses.forEach((s, i) => {
      const k = s.name.toLowerCase();
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'Status names must differ.' });
      seen.add(k);
    });
  });

export const RecordTypeInput = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(60),
  description: z.string().trim().max(500).default(''),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  listOptions: z
    .strictObject({ columns: z.array(z.string().max(60)).max(30), sort: z.string().max(60) })
    .default({ columns: [], sort: '-createdAt' }),
  statuses: StatusList,
});

export const RecordTypePatch = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(60).optional(),
  description: z.string().trim().max(500).optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  listOptions: z
    .strictObject({ columns: z.array(z.string().max(60)).max(30), sort: z.string().max(60) })
    .optional(),
  /** The full ordered list: statuses with an id are kept (renamed), without are added, missing ones removed. */
  statuses: StatusList.optional(),
});

export type RecordTypeView = {
  id: string;
  name: string;
  description: string;
  sortOrder: number;
  listOptions: { columns: string[]; sort: string };
  isDefault: boolean;
  statuses: { id: string; name: string; sortOrder: number; isClosedWon: boolean; isClosed: boolean }[];
};

/** Whether a status given by the API is closed: as set, or when won. */
const closedOf = (s: { isClosedWon: boolean; isClosed?: boolean | undefined }) => s.isClosed ?? s.isClosedWon;

/** The default set every new account starts with (PRODUCT.md, including the recommended Archive type). */
export const DEFAULT_RECORD_TYPES = [
  {
    name: 'Lead',
    description: 'New prospects being worked toward a sale.',
    statuses: [
      'New',
      'Attempted contact',
      'Contacted',
      'Appointment set',
      'Quoted',
      'Closed won',
      'Closed lost',
    ],
    closedWon: 'Closed won',
    closed: ['Closed won', 'Closed lost'],
  },
  {
    name: 'Renewal',
    description: 'Existing clients up for renewal or a plan review.',
    statuses: ['Due', 'Contacted', 'Renewed', 'Lapsed'],
    closedWon: 'Renewed',
    closed: ['Renewed', 'Lapsed'],
  },
  {
    name: 'Archive',
    description: 'Records kept for compliance but not worked.',
    statuses: ['Do not contact', "Hold until next year's AEP", 'Deceased'],
    closedWon: null,
    closed: ['Do not contact', 'Deceased'],
  },
] as const;

/** Seed the default record types of a new account; returns their ids (the first is the default). */
export async function seedDefaultRecordTypes(tx: DbOrTx, scope: AccountScope): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, rt] of DEFAULT_RECORD_TYPES.entries()) {
    const id = newId();
    ids.push(id);
    await tx
      .insert(recordTypes)
      .values({ accountId: scope.accountId, id, name: rt.name, description: rt.description, sortOrder: i });
    await tx.insert(recordStatuses).values(
      rt.statuses.map((name, j) => ({
        accountId: scope.accountId,
        id: newId(),
        recordTypeId: id,
        name,
        sortOrder: j,
        isClosedWon: name === rt.closedWon,
        isClosed: (rt.closed as readonly string[]).includes(name),
      })),
    );
  }
  return ids;
}

export async function listRecordTypes(
  deps: Pick<Deps, 'db'>,
  opts: { actor: AccountScope; defaultRecordTypeId?: string | null },
): Promise<RecordTypeView[]> {
  const types = await deps.db
    .select()
    .from(recordTypes)
    .where(inAccount(opts.actor, recordTypes))
    .orderBy(asc(recordTypes.sortOrder), asc(recordTypes.name));
  const statuses = await deps.db
    .select()
    .from(recordStatuses)
    .where(inAccount(opts.actor, recordStatuses))
    .orderBy(asc(recordStatuses.sortOrder));
  return types.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    sortOrder: t.sortOrder,
    listOptions: t.listOptions,
    isDefault: t.id === opts.defaultRecordTypeId,
    statuses: statuses
      .filter((s) => s.recordTypeId === t.id)
      .map((s) => ({
        id: s.id,
        name: s.name,
        sortOrder: s.sortOrder,
        isClosedWon: s.isClosedWon,
        isClosed: s.isClosed,
      })),
  }));
}

/** Throw 404 unless every id is a record type of the actor's account. */
export async function assertRecordTypesExist(tx: DbOrTx, scope: AccountScope, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: recordTypes.id })
    .from(recordTypes)
    .where(inAccount(scope, recordTypes, inArray(recordTypes.id, ids)));
  if (found.length !== new Set(ids).size) throw notFound('Record type');
}

async function nameTaken(tx: DbOrTx, scope: AccountScope, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: recordTypes.id })
    .from(recordTypes)
    .where(inAccount(scope, recordTypes, sql`lower(${recordTypes.name}) = lower(${name})`));
  return rows.some((r) => r.id !== exceptId);
}

export async function createRecordType(
  deps: Deps,
  opts: { actor: Actor; input: z.infer<typeof RecordTypeInput> },
) {
  const { actor, input } = opts;
  authorize(actor, 'users.manage');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    // Serialise creations per account so two at once cannot make an eleventh.
    await lockAccount(tx, actor);
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(recordTypes)
      .where(inAccount(actor, recordTypes))) as [{ n: number }];
    if (n >= MAX_RECORD_TYPES) {
      throw new AppError(
        'rule_violation',
        `An account can have at most ${MAX_RECORD_TYPES} record types. Remove or reuse one first.`,
      );
    }
    if (await nameTaken(tx, actor, input.name)) {
      throw new AppError('conflict', 'A record type with this name exists.', {
        errors: [{ path: 'name', message: 'Already used.' }],
      });
    }
    await tx.insert(recordTypes).values({
      accountId: actor.accountId,
      id,
      name: input.name,
      description: input.description,
      sortOrder: input.sortOrder,
      listOptions: input.listOptions,
    });
    await tx.insert(recordStatuses).values(
      input.statuses.map((s, j) => ({
        accountId: actor.accountId,
        id: newId(),
        recordTypeId: id,
        name: s.name,
        sortOrder: j,
        isClosedWon: s.isClosedWon,
        isClosed: closedOf(s),
      })),
    );
    await recordAudit(tx, actor, {
      type: 'record_type.created',
      subjectType: 'record_type',
      subjectId: id,
      data: { name: input.name },
    });
  });
  return id;
}

export async function updateRecordType(
  deps: Deps,
  opts: { actor: Actor; id: string; patch: z.infer<typeof RecordTypePatch> },
) {
  const { actor, id, patch } = opts;
  authorize(actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(actor, recordTypes, eq(recordTypes.id, id));
    const [before] = await tx.select().from(recordTypes).where(where).for('update');
    if (!before) throw notFound('Record type');
    if (patch.name && (await nameTaken(tx, actor, patch.name, id))) {
      throw new AppError('conflict', 'A record type with this name exists.', {
        errors: [{ path: 'name', message: 'Already used.' }],
      });
    }
    const { statuses, ...fields } = patch;
    const changes = diff(before as unknown as Record<string, unknown>, fields);
    if (Object.keys(fields).length > 0)
      await tx
        .update(recordTypes)
        .set({ ...fields, updatedAt: sql`now()` as never })
        .where(where);
    if (statuses) {
      const existing = await tx
        .select({ id: recordStatuses.id })
        .from(recordStatuses)
        .where(inAccount(actor, recordStatuses, eq(recordStatuses.recordTypeId, id)));
      const existingIds = new Set(existing.map((s) => s.id));
      for (const s of statuses) if (s.id && !existingIds.has(s.id)) throw notFound('Status');
      const keep = new Set(statuses.flatMap((s) => (s.id ? [s.id] : [])));
      const removed = [...existingIds].filter((x) => !keep.has(x));
      if (removed.length)
        await tx
          .delete(recordStatuses)
          .where(inAccount(actor, recordStatuses, inArray(recordStatuses.id, removed)));
      // Two passes so renames that swap names do not collide on the unique index.
      for (const s of statuses)
        if (s.id)
          await tx
            .update(recordStatuses)
            .set({ name: `~${s.id}` })
            .where(inAccount(actor, recordStatuses, eq(recordStatuses.id, s.id)));
      for (const [j, s] of statuses.entries()) {
        if (s.id) {
          await tx
            .update(recordStatuses)
            .set({
              name: s.name,
              sortOrder: j,
              isClosedWon: s.isClosedWon,
              // Omitted, a kept status stays as closed or open as it was (closed when won).
              ...(s.isClosed !== undefined || s.isClosedWon ? { isClosed: closedOf(s) } : {}),
            })
            .where(inAccount(actor, recordStatuses, eq(recordStatuses.id, s.id)));
        } else {
          await tx.insert(recordStatuses).values({
            accountId: actor.accountId,
            id: newId(),
            recordTypeId: id,
            name: s.name,
            sortOrder: j,
            isClosedWon: s.isClosedWon,
            isClosed: closedOf(s),
          });
        }
      }
      changes.statuses = { from: [...existingIds].length, to: statuses.map((s) => s.name) };
    }
    await recordAudit(tx, actor, {
      type: 'record_type.updated',
      subjectType: 'record_type',
      subjectId: id,
      data: { changes },
    });
  });
}

export async function deleteRecordType(
  deps: Deps,
  opts: { actor: Actor; id: string; defaultRecordTypeId: string | null },
) {
  const { actor, id } = opts;
  authorize(actor, 'users.manage');
  if (opts.defaultRecordTypeId === id) {
    throw new AppError(
      'rule_violation',
      'This is the account’s default record type; choose another default first.',
    );
  }
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(recordTypes)
      .where(inAccount(actor, recordTypes, eq(recordTypes.id, id)))
      .returning({ name: recordTypes.name });
    if (!row) throw notFound('Record type');
    await recordAudit(tx, actor, {
      type: 'record_type.deleted',
      subjectType: 'record_type',
      subjectId: id,
      data: { name: row.name },
    });
  });
}
