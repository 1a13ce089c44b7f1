import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { notFound, validationError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { loadPolicy } from '../policies/index.ts';
import { policyOwner } from '../policies/index.ts';
import { basisProblems } from './expected.ts';
import { COMMISSION_BASES, COMMISSION_KINDS, policyCommissions } from './schema.ts';

/** "1,250.5" → "1250.50": the database's own form, so an unchanged value is no change. */
const decimal = (v: string, places: number) => {
  const [whole, frac = ''] = v.split('.');
  return `${BigInt(whole!)}.${frac.padEnd(places, '0')}`;
};
const Amount = z
  .union([z.number(), z.string().max(40)])
  .transform((v) => String(v).replace(/[$,\s]/g, ''))
  .refine((v) => /^\d{1,10}(\.\d{1,2})?$/.test(v), { message: 'Must be an amount such as 250.00.' })
  .transform((v) => decimal(v, 2));
const Percent = z
  .union([z.number(), z.string().max(40)])
  .transform((v) => String(v).replace(/[%\s]/g, ''))
  .refine((v) => /^\d{1,3}(\.\d{1,3})?$/.test(v) && Number(v) > 0 && Number(v) <= 200, {
    message: 'Must be a percentage above 0 and at most 200, such as 20 or 87.5.',
  })
  .transform((v) => decimal(v, 3));

const fields = {
  kind: z.enum(COMMISSION_KINDS, { message: 'Must be first_year or renewal.' }),
  basis: z.enum(COMMISSION_BASES, { message: 'Must be percent or flat.' }),
  ratePercent: Percent.nullable().optional(),
  amount: Amount.nullable().optional(),
  /** Who pays it: the carrier (the default) or an FMO/IMO. */
  payer: z.string().trim().min(1, 'Required.').max(100).optional(),
};
// The basis rule runs even when a field is malformed, so every problem is listed at once.
/** Also when other fields failed (to list every problem), but only on an object: a body can be null. */
const always = { when: (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null };
export const CommissionInput = z
  .strictObject(fields)
  .check(
    z.superRefine(
      (v, ctx) => basisProblems(v).forEach((p) => ctx.addIssue({ code: 'custom', ...p, path: [p.path] })),
      always,
    ),
  );
export const CommissionPatch = z.strictObject({
  ...fields,
  kind: fields.kind.optional(),
  basis: fields.basis.optional(),
});

const columns = {
  id: policyCommissions.id,
  policyId: policyCommissions.policyId,
  kind: policyCommissions.kind,
  basis: policyCommissions.basis,
  ratePercent: policyCommissions.ratePercent,
  amount: policyCommissions.amount,
  payer: policyCommissions.payer,
  createdAt: policyCommissions.createdAt,
  updatedAt: policyCommissions.updatedAt,
};
export type CommissionRow = Awaited<ReturnType<typeof commissionsOfPolicies>>[number];

/** The commissions of these policies (already checked visible), oldest first. */
export async function commissionsOfPolicies(deps: Pick<Deps, 'db'>, actor: Actor, policyIds: string[]) {
  if (policyIds.length === 0) return [];
  return deps.db
    .select(columns)
    .from(policyCommissions)
    .where(inAccount(actor, policyCommissions, inArray(policyCommissions.policyId, policyIds)))
    .orderBy(asc(policyCommissions.createdAt), asc(policyCommissions.id));
}

async function fetchOne(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const [row] = await deps.db
    .select(columns)
    .from(policyCommissions)
    .where(inAccount(actor, policyCommissions, eq(policyCommissions.id, id)));
  return row!;
}

/** Add an expected commission to a policy (needs Edit on the policy's record). */
export async function addCommission(
  deps: Deps,
  opts: { actor: Actor; policyId: string; input: z.infer<typeof CommissionInput> },
) {
  const { actor, input } = opts;
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const policy = await loadPolicy(tx, actor, opts.policyId, true);
    const row = {
      kind: input.kind,
      basis: input.basis,
      ratePercent: input.ratePercent ?? null,
      amount: input.amount ?? null,
      payer: input.payer ?? policy.carrier,
    };
    await tx.insert(policyCommissions).values({
      ...row,
      accountId: actor.accountId,
      id,
      policyId: policy.id,
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      type: 'commission.created',
      subjectType: 'policy',
      subjectId: policy.id,
      data: { commissionId: id, ...row },
      record: policyOwner(policy),
    });
  });
  return fetchOne(deps, actor, id);
}

async function loadCommission(tx: DbOrTx, actor: Actor, id: string) {
  const [c] = await tx
    .select()
    .from(policyCommissions)
    .where(inAccount(actor, policyCommissions, eq(policyCommissions.id, id)));
  if (!c) throw notFound('Commission');
  return c;
}

export async function updateCommission(
  deps: Deps,
  opts: { actor: Actor; id: string; patch: z.infer<typeof CommissionPatch> },
) {
  const { actor, id, patch } = opts;
  await deps.db.transaction(async (tx) => {
    const before = await loadCommission(tx, actor, id);
    const policy = await loadPolicy(tx, actor, before.policyId, true);
    const problems = basisProblems({ ...before, ...patch });
    if (problems.length) throw validationError(problems);
    const changes = diff(before as unknown as Record<string, unknown>, patch);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(policyCommissions)
      .set({ ...patch, updatedAt: sql`now()` as never })
      .where(inAccount(actor, policyCommissions, eq(policyCommissions.id, id)));
    await recordAudit(tx, actor, {
      type: 'commission.updated',
      subjectType: 'policy',
      subjectId: before.policyId,
      data: { commissionId: id, changes },
      record: policyOwner(policy),
    });
  });
  return fetchOne(deps, actor, id);
}

export async function deleteCommission(deps: Deps, opts: { actor: Actor; id: string }) {
  const { actor, id } = opts;
  await deps.db.transaction(async (tx) => {
    const c = await loadCommission(tx, actor, id);
    const policy = await loadPolicy(tx, actor, c.policyId, true);
    await tx
      .delete(policyCommissions)
      .where(inAccount(actor, policyCommissions, eq(policyCommissions.id, id)));
    await recordAudit(tx, actor, {
      type: 'commission.deleted',
      subjectType: 'policy',
      subjectId: c.policyId,
      data: { commissionId: id, kind: c.kind, payer: c.payer },
      record: policyOwner(policy),
    });
  });
}
