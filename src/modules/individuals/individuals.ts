import { desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertAgentsExist, withAgentNames } from '../agents/index.ts';
import { authorize, can, isRestrictedToAccessibleAgents, type Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { checkCustomFields } from '../custom-fields/index.ts';
import { personSearch } from '../../lib/person-search.ts';
import { PersonFields } from '../person/index.ts';
import { individuals } from './schema.ts';

export const CreateIndividualInput = z.strictObject({
  ...PersonFields,
  servicingAgentId: z.uuid().nullable().optional(),
});
export const UpdateIndividualInput = CreateIndividualInput.partial();

export type IndividualRow = typeof individuals.$inferSelect;
const ctxOf = (r: Pick<IndividualRow, 'servicingAgentId'>) => ({
  kind: 'individual' as const,
  servicingAgentId: r.servicingAgentId,
});

/** Individuals an actor may see: the Individual category, and Accessible Agents when restricted. */
export function individualScope(actor: Actor): SQL | undefined {
  if (actor.kind !== 'user' || !isRestrictedToAccessibleAgents(actor.profile)) return undefined;
  const p = actor.profile;
  const ids = [...p.accessibleAgentIds];
  return or(
    ids.length ? inArray(individuals.servicingAgentId, ids) : sql`false`,
    p.group.recordAccess.includeUnassigned ? isNull(individuals.servicingAgentId) : undefined,
  );
}

export async function loadVisibleIndividual(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<IndividualRow> {
  authorize(actor, 'individual.view');
  const q = tx
    .select()
    .from(individuals)
    .where(inAccount(actor, individuals, eq(individuals.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('Individual');
  if (actor.kind === 'user' && !can(actor.profile, 'individual.view', { record: ctxOf(row) }).allowed)
    throw notFound('Individual');
  return row;
}

async function assertAgent(tx: DbOrTx, actor: Actor, agentId: string | null | undefined) {
  if (!agentId) return;
  await assertAgentsExist(tx, actor, [agentId]);
}

export async function getIndividual(deps: Pick<Deps, 'db'>, opts: { actor: Actor; id: string }) {
  const { accountId: _a, ...rest } = await loadVisibleIndividual(deps.db, opts.actor, opts.id);
  const [named] = await withAgentNames(deps.db, opts.actor, [rest], 'servicingAgentId', 'servicingAgentName');
  return named!;
}

export async function createIndividual(
  deps: Deps,
  opts: { actor: Actor; input: z.infer<typeof CreateIndividualInput> },
) {
  const { actor, input } = opts;
  authorize(actor, 'individual.edit', {
    record: ctxOf({ servicingAgentId: input.servicingAgentId ?? null }),
  });
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await assertAgent(tx, actor, input.servicingAgentId);
    const customFields = await checkCustomFields(tx, actor, 'individual', input.customFields, {
      creating: true,
    });
    await tx.insert(individuals).values({
      ...input,
      customFields: customFields ?? {},
      accountId: actor.accountId,
      id,
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      type: 'individual.created',
      subjectType: 'individual',
      subjectId: id,
      data: { fields: input },
    });
  });
  return getIndividual(deps, { actor, id });
}

export async function updateIndividual(
  deps: Deps,
  opts: { actor: Actor; id: string; patch: z.infer<typeof UpdateIndividualInput> },
) {
  const { actor, id, patch } = opts;
  await deps.db.transaction(async (tx) => {
    const before = await loadVisibleIndividual(tx, actor, id, { forUpdate: true });
    authorize(actor, 'individual.edit', { record: ctxOf(before) });
    if (patch.servicingAgentId !== undefined) {
      await assertAgent(tx, actor, patch.servicingAgentId);
      authorize(actor, 'individual.edit', { record: ctxOf({ servicingAgentId: patch.servicingAgentId }) });
    }
    const customFields = await checkCustomFields(tx, actor, 'individual', patch.customFields, {
      creating: false,
      existing: before.customFields,
    });
    const next = { ...patch, ...(customFields ? { customFields } : {}) };
    const changes = diff(before as unknown as Record<string, unknown>, next);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(individuals)
      .set({ ...next, updatedAt: sql`now()` as never })
      .where(inAccount(actor, individuals, eq(individuals.id, id)));
    await recordAudit(tx, actor, {
      type: 'individual.updated',
      subjectType: 'individual',
      subjectId: id,
      data: { changes },
    });
  });
  return getIndividual(deps, { actor, id });
}

export const ListIndividualsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  servicingAgentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1, 'Not a valid cursor.').max(500).optional(),
});
const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

export async function listIndividuals(
  deps: Deps,
  opts: { actor: Actor; query: z.infer<typeof ListIndividualsQuery> },
) {
  const { actor, query } = opts;
  authorize(actor, 'individual.view');
  const c = query.cursor ? decodeCursor(query.cursor, Cursor) : null;
  const rows = await deps.db
    .select({
      id: individuals.id,
      firstName: individuals.firstName,
      lastName: individuals.lastName,
      email: individuals.email,
      phone: individuals.phone,
      cellPhone: individuals.cellPhone,
      city: individuals.city,
      state: individuals.state,
      servicingAgentId: individuals.servicingAgentId,
      createdAt: individuals.createdAt,
    })
    .from(individuals)
    .where(
      inAccount(
        actor,
        individuals,
        individualScope(actor),
        query.q ? personSearch(individuals, query.q) : undefined,
        query.servicingAgentId ? eq(individuals.servicingAgentId, query.servicingAgentId) : undefined,
        c ? sql`(${individuals.createdAt}, ${individuals.id}) < (${new Date(c.t)}, ${c.id})` : undefined,
      ),
    )
    .orderBy(desc(individuals.createdAt), desc(individuals.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const tail = items.at(-1);
  return {
    items: await withAgentNames(deps.db, actor, items, 'servicingAgentId', 'servicingAgentName'),
    nextCursor:
      rows.length > query.limit && tail
        ? encodeCursor({ t: tail.createdAt.toISOString(), id: tail.id })
        : null,
  };
}
