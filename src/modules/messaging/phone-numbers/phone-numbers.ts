import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.ts';
import { inAccount } from '../../../db/tenant.ts';
import type { Deps } from '../../../deps.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { newId } from '../../../lib/ids.ts';
import { parseAccountNumber } from './parse-number.ts';
import { users, authorize, recordAudit, type Actor } from '../ports.ts';
import { currentProvider } from '../providers/index.ts';
import { phoneNumbers, userPhoneNumbers } from '../schema.ts';

export const PhoneNumberInput = z.strictObject({
  number: z.string().min(1).max(40),
  label: z.string().trim().min(1).max(100),
});
export const PhoneNumberPatch = z.strictObject({ label: z.string().trim().min(1).max(100) });

export type PhoneNumberView = {
  id: string;
  number: string;
  label: string;
  provider: 'simulator' | 'twilio';
  createdAt: Date;
  isMyDefault: boolean;
};

type Row = typeof phoneNumbers.$inferSelect;

async function myDefaultId(db: DbOrTx, actor: Actor): Promise<string | null> {
  if (actor.kind !== 'user') return null;
  const [d] = await db
    .select({ id: userPhoneNumbers.phoneNumberId })
    .from(userPhoneNumbers)
    .where(inAccount(actor, userPhoneNumbers, eq(userPhoneNumbers.userId, actor.userId)));
  return d?.id ?? null;
}

const view = (r: Row, defaultId: string | null): PhoneNumberView => ({
  id: r.id,
  number: r.number,
  label: r.label,
  provider: r.provider,
  createdAt: r.createdAt,
  isMyDefault: r.id === defaultId,
});

/** The account's numbers: every signed-in user sees them (to pick one to send from). */
export async function listPhoneNumbers(deps: Pick<Deps, 'db'>, { actor }: { actor: Actor }) {
  const [rows, def] = await Promise.all([
    deps.db
      .select()
      .from(phoneNumbers)
      .where(inAccount(actor, phoneNumbers, isNull(phoneNumbers.deletedAt)))
      .orderBy(phoneNumbers.createdAt),
    myDefaultId(deps.db, actor),
  ]);
  return rows.map((r) => view(r, def));
}

export async function loadPhoneNumber(db: DbOrTx, actor: Actor, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(phoneNumbers)
    .where(inAccount(actor, phoneNumbers, eq(phoneNumbers.id, id), isNull(phoneNumbers.deletedAt)));
  if (!row) throw notFound('Phone number');
  return row;
}

/** Add a number (Settings; account admins): E.164, a real number, not already some account's. */
export async function createPhoneNumber(
  deps: Pick<Deps, 'db'>,
  { actor, input }: { actor: Actor; input: z.infer<typeof PhoneNumberInput> },
): Promise<PhoneNumberView> {
  authorize(actor, 'users.manage');
  const parsed = parseAccountNumber(input.number);
  if (!parsed.ok)
    throw new AppError('validation', parsed.message, {
      errors: [{ path: 'number', message: parsed.message }],
    });
  return deps.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: phoneNumbers.id })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.number, parsed.e164), isNull(phoneNumbers.deletedAt)));
    if (taken) throw new AppError('conflict', `${parsed.e164} is already in use by an account.`);
    const id = newId();
    const [row] = await tx
      .insert(phoneNumbers)
      .values({
        accountId: actor.accountId,
        id,
        number: parsed.e164,
        label: input.label,
        provider: currentProvider().name,
      })
      .returning();
    await recordAudit(tx, actor, {
      type: 'phone_number.created',
      subjectType: 'phone_number',
      subjectId: id,
      data: { number: parsed.e164, label: input.label },
    });
    return view(row!, await myDefaultId(tx, actor));
  });
}

export async function updatePhoneNumber(
  deps: Pick<Deps, 'db'>,
  { actor, id, patch }: { actor: Actor; id: string; patch: z.infer<typeof PhoneNumberPatch> },
): Promise<PhoneNumberView> {
  authorize(actor, 'users.manage');
  return deps.db.transaction(async (tx) => {
    const before = await loadPhoneNumber(tx, actor, id);
    const [row] = await tx
      .update(phoneNumbers)
      .set({ label: patch.label })
      .where(inAccount(actor, phoneNumbers, eq(phoneNumbers.id, id)))
      .returning();
    await recordAudit(tx, actor, {
      type: 'phone_number.updated',
      subjectType: 'phone_number',
      subjectId: id,
      data: { changes: { label: { from: before.label, to: patch.label } } },
    });
    return view(row!, await myDefaultId(tx, actor));
  });
}

/** Remove a number: kept (soft-deleted) so past messages still show it; users' defaults on it go. */
export async function deletePhoneNumber(deps: Pick<Deps, 'db'>, { actor, id }: { actor: Actor; id: string }) {
  authorize(actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const before = await loadPhoneNumber(tx, actor, id);
    await tx
      .update(phoneNumbers)
      .set({ deletedAt: new Date() })
      .where(inAccount(actor, phoneNumbers, eq(phoneNumbers.id, id)));
    await tx
      .delete(userPhoneNumbers)
      .where(inAccount(actor, userPhoneNumbers, eq(userPhoneNumbers.phoneNumberId, id)));
    await recordAudit(tx, actor, {
      type: 'phone_number.deleted',
      subjectType: 'phone_number',
      subjectId: id,
      data: { number: before.number },
    });
  });
}

/** A user's default sending number: the user themself, or an account admin (users.manage). */
export async function setDefaultPhoneNumber(
  deps: Pick<Deps, 'db'>,
  { actor, userId, phoneNumberId }: { actor: Actor; userId: string; phoneNumberId: string | null },
) {
  if (!(actor.kind === 'user' && actor.userId === userId)) authorize(actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const [u] = await tx
      .select({ id: users.id })
      .from(users)
      .where(inAccount(actor, users, eq(users.id, userId)));
    if (!u) throw notFound('User');
    if (phoneNumberId) await loadPhoneNumber(tx, actor, phoneNumberId);
    await tx
      .delete(userPhoneNumbers)
      .where(inAccount(actor, userPhoneNumbers, eq(userPhoneNumbers.userId, userId)));
    if (phoneNumberId)
      await tx.insert(userPhoneNumbers).values({ accountId: actor.accountId, userId, phoneNumberId });
    await recordAudit(tx, actor, {
      type: 'user.default_phone_number_set',
      subjectType: 'user',
      subjectId: userId,
      data: { phoneNumberId },
    });
  });
}

/**
 * The number a text goes out from: the one asked for, else the sender's default, else the account's
 * only number. Null when the account has none (or several and no default): the caller says what to do.
 */
export async function sendingNumber(
  db: DbOrTx,
  actor: Actor,
  requestedId: string | undefined,
): Promise<Row | null> {
  if (requestedId) return loadPhoneNumber(db, actor, requestedId);
  const def = await myDefaultId(db, actor);
  if (def) {
    const [row] = await db
      .select()
      .from(phoneNumbers)
      .where(inAccount(actor, phoneNumbers, eq(phoneNumbers.id, def), isNull(phoneNumbers.deletedAt)));
    if (row) return row;
  }
  const rows = await db
    .select()
    .from(phoneNumbers)
    .where(inAccount(actor, phoneNumbers, isNull(phoneNumbers.deletedAt)))
    .orderBy(phoneNumbers.createdAt)
    .limit(2);
  return rows[0] ?? null;
}
