import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { checkCustomFields } from '../custom-fields/index.ts';
import { assertRecordOwnerAccess, type RecordOwner } from '../records/index.ts';
import { RENEWAL_CYCLES } from './renewal.ts';
import { POLICY_STATUSES, policies } from './schema.ts';

const policyFields = {
  carrier: z.string().trim().min(1, 'Required.').max(100),
  product: z.string().trim().min(1, 'Required.').max(100),
  coverageType: z.string().trim().max(100).nullable().optional(),
  premium: z
    .union([z.number(), z.string().max(40)])
    .transform((v) => String(v).replace(/[$,\s]/g, ''))
    .refine((v) => /^\d{1,10}(\.\d{1,2})?$/.test(v), { message: 'Must be an amount such as 129.50.' })
    .nullable()
    .optional(),
  effectiveDate: z.iso.date({ message: 'Must be a date as YYYY-MM-DD.' }).nullable().optional(),
  renewalCycle: z
    .enum(RENEWAL_CYCLES, { message: `Must be one of ${RENEWAL_CYCLES.join(', ')}.` })
    .nullable()
    .optional(),
  customFields: z
    .record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
    .optional(),
};
export const PolicyInput = z.strictObject({
  ...policyFields,
  status: z.enum(POLICY_STATUSES).default('quoted'),
});
/** Only the fields sent change (no defaults: a patch without a status keeps the status). */
export const PolicyPatch = z.strictObject({ ...policyFields, status: z.enum(POLICY_STATUSES) }).partial();

export type { RecordOwner as PolicyOwner } from '../records/index.ts';

const columns = {
  id: policies.id,
  salesRecordId: policies.salesRecordId,
  individualId: policies.individualId,
  carrier: policies.carrier,
  product: policies.product,
  coverageType: policies.coverageType,
  premium: policies.premium,
  effectiveDate: policies.effectiveDate,
  renewalCycle: policies.renewalCycle,
  status: policies.status,
  customFields: policies.customFields,
  createdAt: policies.createdAt,
};

const ownerWhere = (owner: RecordOwner) =>
  owner.kind === 'sales_record' ? eq(policies.salesRecordId, owner.id) : eq(policies.individualId, owner.id);

export async function listPolicies(deps: Deps, opts: { actor: Actor; owner: RecordOwner }) {
  await assertRecordOwnerAccess(deps.db, opts.actor, opts.owner, false);
  return deps.db
    .select(columns)
    .from(policies)
    .where(inAccount(opts.actor, policies, ownerWhere(opts.owner)))
    .orderBy(desc(policies.createdAt));
}

export async function addPolicy(
  deps: Deps,
  opts: { actor: Actor; owner: RecordOwner; input: z.infer<typeof PolicyInput> },
) {
  const { actor, owner, input } = opts;
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await assertRecordOwnerAccess(tx, actor, owner, true);
    const customFields = await checkCustomFields(tx, actor, 'policy', input.customFields, { creating: true });
    await tx.insert(policies).values({
      ...input,
      customFields: customFields ?? {},
      accountId: actor.accountId,
      id,
      ...(owner.kind === 'sales_record' ? { salesRecordId: owner.id } : { individualId: owner.id }),
    });
    await recordAudit(tx, actor, {
      type: 'policy.created',
      subjectType: 'policy',
      subjectId: id,
      data: { owner, carrier: input.carrier, product: input.product },
      record: owner,
    });
  });
  const [row] = await deps.db
    .select(columns)
    .from(policies)
    .where(inAccount(actor, policies, eq(policies.id, id)));
  return row!;
}

/** The owner of a policy: the Individual once converted (or created there), else its Sales Record. */
export const policyOwner = (p: { individualId: string | null; salesRecordId: string | null }): RecordOwner =>
  p.individualId
    ? { kind: 'individual', id: p.individualId }
    : { kind: 'sales_record', id: p.salesRecordId! };

/** A policy the actor may see (404 otherwise) and, with `write`, change (its owner's Edit, 403). */
export async function loadPolicy(tx: DbOrTx, actor: Actor, id: string, write: boolean) {
  const [p] = await tx
    .select()
    .from(policies)
    .where(inAccount(actor, policies, eq(policies.id, id)));
  if (!p) throw notFound('Policy');
  await assertRecordOwnerAccess(tx, actor, policyOwner(p), write);
  return p;
}

export async function updatePolicy(
  deps: Deps,
  opts: { actor: Actor; id: string; patch: z.infer<typeof PolicyPatch> },
) {
  const { actor, id, patch } = opts;
  await deps.db.transaction(async (tx) => {
    const before = await loadPolicy(tx, actor, id, true);
    const customFields = await checkCustomFields(tx, actor, 'policy', patch.customFields, {
      creating: false,
      existing: before.customFields,
    });
    const next = { ...patch, ...(customFields ? { customFields } : {}) };
    const changes = diff(before as unknown as Record<string, unknown>, next);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(policies)
      .set({ ...next, updatedAt: sql`now()` as never })
      .where(inAccount(actor, policies, eq(policies.id, id)));
    await recordAudit(tx, actor, {
      type: 'policy.updated',
      subjectType: 'policy',
      subjectId: id,
      data: { changes },
      record: policyOwner(before),
    });
  });
  const [row] = await deps.db
    .select(columns)
    .from(policies)
    .where(inAccount(actor, policies, eq(policies.id, id)));
  return row!;
}

export async function deletePolicy(deps: Deps, opts: { actor: Actor; id: string }) {
  await deps.db.transaction(async (tx) => {
    const p = await loadPolicy(tx, opts.actor, opts.id, true);
    await tx.delete(policies).where(inAccount(opts.actor, policies, eq(policies.id, opts.id)));
    await recordAudit(tx, opts.actor, {
      type: 'policy.deleted',
      subjectType: 'policy',
      subjectId: opts.id,
      data: { owner: policyOwner(p), carrier: p.carrier, product: p.product },
      record: policyOwner(p),
    });
  });
}
