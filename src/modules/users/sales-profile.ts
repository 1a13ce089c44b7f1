import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { Phone } from '../../lib/phone.ts';
import { authorize, type UserActor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { users, userSalesRepIds } from './schema.ts';

const SignatureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('typed'), text: z.string().trim().min(1, 'Required.').max(100) }),
  z.strictObject({
    kind: z.literal('drawn'),
    dataUrl: z
      .string()
      .max(300_000, 'The drawing is too large.')
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'Must be a PNG data URL.'),
  }),
]);

const SalesRepIds = z
  .array(z.strictObject({ value: z.string().trim().min(1, 'Required.').max(50), isDefault: z.boolean() }))
  .max(20)
  .superRefine((ids, ctx) => {
    if (ids.length === 0) return;
    if (ids.filter((r) => r.isDefault).length !== 1)
      ctx.addIssue({ code: 'custom', message: 'Mark exactly one sales rep ID as the default.' });
    if (new Set(ids.map((r) => r.value)).size !== ids.length)
      ctx.addIssue({ code: 'custom', message: 'Sales rep IDs must differ.' });
  });

export const SalesProfileInput = z.strictObject({
  phone: Phone.nullable().optional(),
  npn: z
    .string()
    .max(40)
    .trim()
    .regex(/^\d{1,10}$/, 'An NPN is 1 to 10 digits.')
    .nullable()
    .optional(),
  signature: SignatureSchema.nullable().optional(),
  salesRepIds: SalesRepIds.optional(),
});

/** The sender details SOA and ACA forms need: phone, signature, sales rep IDs, NPN. */
export async function getSalesProfile(deps: Deps, opts: { actor: UserActor }) {
  const { actor } = opts;
  const [row] = await deps.db
    .select({ phone: users.phone, npn: users.npn, signature: users.signature })
    .from(users)
    .where(inAccount(actor, users, eq(users.id, actor.userId)));
  const repIds = await deps.db
    .select({ value: userSalesRepIds.value, isDefault: userSalesRepIds.isDefault })
    .from(userSalesRepIds)
    .where(inAccount(actor, userSalesRepIds, eq(userSalesRepIds.userId, actor.userId)))
    .orderBy(asc(userSalesRepIds.createdAt), asc(userSalesRepIds.id));
  return {
    phone: row?.phone ?? null,
    npn: row?.npn ?? null,
    signature: row?.signature ?? null,
    salesRepIds: repIds,
  };
}

export async function updateSalesProfile(
  deps: Deps,
  opts: { actor: UserActor; patch: z.infer<typeof SalesProfileInput> },
) {
  const { actor, patch } = opts;
  // SOA details (signature, sales rep IDs) and ACA details (NPN) are separate tasks; the phone is in both.
  if (patch.signature !== undefined || patch.salesRepIds !== undefined) authorize(actor, 'soa.profile.edit');
  if (patch.npn !== undefined) authorize(actor, 'aca.profile.edit');
  if (patch.phone !== undefined) {
    try {
      authorize(actor, 'soa.profile.edit');
    } catch {
      authorize(actor, 'aca.profile.edit');
    }
  }
  const { salesRepIds, ...fields } = patch;
  await deps.db.transaction(async (tx) => {
    const where = inAccount(actor, users, eq(users.id, actor.userId));
    const [before] = await tx
      .select({ phone: users.phone, npn: users.npn, signature: users.signature })
      .from(users)
      .where(where)
      .for('update');
    if (!before) throw new AppError('unauthenticated', 'Sign in again.');
    const changes = diff(before, fields);
    if (Object.keys(fields).length)
      await tx
        .update(users)
        .set({ ...fields, updatedAt: sql`now()` as never })
        .where(where);
    if (salesRepIds) {
      await tx
        .delete(userSalesRepIds)
        .where(inAccount(actor, userSalesRepIds, eq(userSalesRepIds.userId, actor.userId)));
      if (salesRepIds.length) {
        await tx
          .insert(userSalesRepIds)
          .values(
            salesRepIds.map((r) => ({ accountId: actor.accountId, id: newId(), userId: actor.userId, ...r })),
          );
      }
      changes.salesRepIds = { from: null, to: salesRepIds.map((r) => r.value) };
    }
    if (changes.signature)
      changes.signature = { from: before.signature ? 'set' : null, to: fields.signature ? 'set' : null };
    await recordAudit(tx, actor, {
      type: 'user.updated',
      subjectType: 'user',
      subjectId: actor.userId,
      data: { changes },
    });
  });
  return getSalesProfile(deps, { actor });
}
