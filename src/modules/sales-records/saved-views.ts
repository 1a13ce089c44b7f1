import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { authorize, type UserActor } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { requireUser } from '../access/index.ts';
import { ListSalesRecordsQuery } from './list-sales-records.ts';
import { savedViews } from './schema.ts';

export const SavedViewInput = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(80),
  query: ListSalesRecordsQuery.omit({ cursor: true, limit: true }),
});

const columns = {
  id: savedViews.id,
  name: savedViews.name,
  query: savedViews.query,
  createdAt: savedViews.createdAt,
};

/** Saved views are each user's own. */
export async function listSavedViews(deps: Deps, opts: { actor: UserActor }) {
  authorize(opts.actor, 'sales_record.view');
  return deps.db
    .select(columns)
    .from(savedViews)
    .where(inAccount(opts.actor, savedViews, eq(savedViews.userId, opts.actor.userId)))
    .orderBy(asc(savedViews.name));
}

export async function createSavedView(
  deps: Deps,
  opts: { actor: UserActor; input: z.infer<typeof SavedViewInput> },
) {
  authorize(opts.actor, 'sales_record.view');
  const mine = await listSavedViews(deps, opts);
  if (mine.some((v) => v.name.toLowerCase() === opts.input.name.toLowerCase())) {
    throw new AppError('conflict', 'You already have a view with this name.', {
      errors: [{ path: 'name', message: 'Already used.' }],
    });
  }
  if (mine.length >= 50) throw new AppError('rule_violation', 'At most 50 saved views per user.');
  const id = newId();
  await deps.db.insert(savedViews).values({
    accountId: opts.actor.accountId,
    id,
    userId: opts.actor.userId,
    name: opts.input.name,
    query: opts.input.query,
  });
  return (await listSavedViews(deps, opts)).find((v) => v.id === id)!;
}

export async function deleteSavedView(deps: Deps, opts: { actor: Actor; id: string }) {
  if (opts.actor.kind !== 'user') {
    // An unknown id is a 404 for everyone; a view that exists belongs to a user, not to a key.
    const [row] = await deps.db
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(inAccount(opts.actor, savedViews, eq(savedViews.id, opts.id)));
    if (!row) throw notFound('Saved view');
  }
  requireUser(opts.actor);
  const rows = await deps.db
    .delete(savedViews)
    .where(
      inAccount(opts.actor, savedViews, eq(savedViews.id, opts.id), eq(savedViews.userId, opts.actor.userId)),
    )
    .returning({ id: savedViews.id });
  if (rows.length === 0) throw notFound('Saved view');
}
