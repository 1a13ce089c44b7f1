import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { authorize, type AccountScope, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES, customFieldDefinitions } from './schema.ts';
import { type CustomValues, validateCustomValues } from './validate.ts';

type Entity = (typeof CUSTOM_FIELD_ENTITIES)[number];

const Options = z.array(z.string().trim().min(1).max(100)).max(100);
export const CustomFieldInput = z
  .strictObject({
    entity: z.enum(CUSTOM_FIELD_ENTITIES),
    key: z
      .string()
      .max(40)
      .regex(
        /^[a-z][a-z0-9_]{0,39}$/,
        'Use lower-case letters, digits and underscores, starting with a letter (at most 40).',
      ),
    label: z.string().trim().min(1, 'Required.').max(80),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: Options.default([]),
    required: z.boolean().default(false),
    sortOrder: z.number().int().min(0).max(1000).default(0),
  })
  .refine((v) => v.type !== 'picklist' || v.options.length > 0, {
    path: ['options'],
    message: 'A pick list needs at least one option.',
  });
export const CustomFieldPatch = z.strictObject({
  label: z.string().trim().min(1).max(80).optional(),
  options: Options.optional(),
  required: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});

const columns = {
  id: customFieldDefinitions.id,
  entity: customFieldDefinitions.entity,
  key: customFieldDefinitions.key,
  label: customFieldDefinitions.label,
  type: customFieldDefinitions.type,
  options: customFieldDefinitions.options,
  required: customFieldDefinitions.required,
  sortOrder: customFieldDefinitions.sortOrder,
};

export async function definitionsFor(db: DbOrTx, scope: AccountScope, entity?: Entity) {
  return db
    .select(columns)
    .from(customFieldDefinitions)
    .where(
      inAccount(
        scope,
        customFieldDefinitions,
        entity ? eq(customFieldDefinitions.entity, entity) : undefined,
      ),
    )
    .orderBy(
      asc(customFieldDefinitions.entity),
      asc(customFieldDefinitions.sortOrder),
      asc(customFieldDefinitions.label),
    );
}

/** Validate custom values against the account's definitions for `entity`, or throw listing every problem. */
export async function checkCustomFields(
  db: DbOrTx,
  scope: AccountScope,
  entity: Entity,
  values: Record<string, unknown> | undefined,
  opts: { creating: boolean; existing?: Record<string, unknown> },
): Promise<CustomValues | undefined> {
  if (values === undefined && !opts.creating) return undefined;
  const defs = await definitionsFor(db, scope, entity);
  const r = validateCustomValues(defs, values, opts);
  if (r.problems.length)
    throw new AppError('validation', 'Some custom fields are invalid.', { errors: r.problems });
  return { ...(opts.existing as CustomValues | undefined), ...r.values };
}

export async function listCustomFields(deps: Deps, opts: { actor: Actor; entity?: Entity | undefined }) {
  return definitionsFor(deps.db, opts.actor, opts.entity);
}

export async function createCustomField(
  deps: Deps,
  opts: { actor: Actor; input: z.infer<typeof CustomFieldInput> },
) {
  authorize(opts.actor, 'users.manage');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const existing = await definitionsFor(tx, opts.actor, opts.input.entity);
    if (existing.some((d) => d.key === opts.input.key))
      throw new AppError('conflict', 'A custom field with this key exists.', {
        errors: [{ path: 'key', message: 'Already used.' }],
      });
    if (existing.length >= 100)
      throw new AppError('rule_violation', 'At most 100 custom fields per record kind.');
    await tx.insert(customFieldDefinitions).values({ accountId: opts.actor.accountId, id, ...opts.input });
    await recordAudit(tx, opts.actor, {
      type: 'custom_field.created',
      subjectType: 'custom_field',
      subjectId: id,
      data: { ...opts.input },
    });
  });
  return (await definitionsFor(deps.db, opts.actor)).find((d) => d.id === id)!;
}

export async function updateCustomField(
  deps: Deps,
  opts: { actor: Actor; id: string; patch: z.infer<typeof CustomFieldPatch> },
) {
  authorize(opts.actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(opts.actor, customFieldDefinitions, eq(customFieldDefinitions.id, opts.id));
    const [before] = await tx.select().from(customFieldDefinitions).where(where).for('update');
    if (!before) throw notFound('Custom field');
    if (before.type === 'picklist' && opts.patch.options && opts.patch.options.length === 0) {
      throw new AppError('validation', 'A pick list needs at least one option.', {
        errors: [{ path: 'options', message: 'Required.' }],
      });
    }
    if (Object.keys(opts.patch).length === 0) return; // nothing to change, nothing to record
    await tx.update(customFieldDefinitions).set(opts.patch).where(where);
    await recordAudit(tx, opts.actor, {
      type: 'custom_field.updated',
      subjectType: 'custom_field',
      subjectId: opts.id,
      data: { ...opts.patch },
    });
  });
  return (await definitionsFor(deps.db, opts.actor)).find((d) => d.id === opts.id)!;
}

/** Remove a definition; values already stored stay in the records (and in their history). */
export async function deleteCustomField(deps: Deps, opts: { actor: Actor; id: string }) {
  authorize(opts.actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(customFieldDefinitions)
      .where(inAccount(opts.actor, customFieldDefinitions, eq(customFieldDefinitions.id, opts.id)))
      .returning({ key: customFieldDefinitions.key });
    if (!row) throw notFound('Custom field');
    await recordAudit(tx, opts.actor, {
      type: 'custom_field.deleted',
      subjectType: 'custom_field',
      subjectId: opts.id,
      data: { key: row.key },
    });
  });
}
