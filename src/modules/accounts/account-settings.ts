import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../lib/errors.ts';
import { TimeZone } from '../../lib/fields.ts';
import type { Actor } from '../access/actor.ts';
import { requireAccountAdmin } from '../access/require.ts';
import { diff } from '../audit/events.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { accounts } from './schema.ts';

const columns = {
  id: accounts.id,
  name: accounts.name,
  package: accounts.package,
  timeZone: accounts.timeZone,
  createdAt: accounts.createdAt,
};

// The accounts table is the tenant root: its own id is the account filter.
const ownAccount = (actor: Actor) => eq(accounts.id, actor.accountId);

export async function getAccount(deps: Deps, opts: { actor: Actor }) {
  const [row] = await deps.db.select(columns).from(accounts).where(ownAccount(opts.actor));
  if (!row) throw notFound('Account');
  return row;
}

export const UpdateAccountInput = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(200).optional(),
  timeZone: TimeZone.optional(),
});

/** Account settings an admin may change. The package is the operator's to change (CLI). */
export async function updateAccount(
  deps: Deps,
  opts: { actor: Actor; patch: z.infer<typeof UpdateAccountInput> },
) {
  const { actor, patch } = opts;
  requireAccountAdmin(actor);
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: accounts.name, timeZone: accounts.timeZone })
      .from(accounts)
      .where(ownAccount(actor))
      .for('update');
    if (!before) throw notFound('Account');
    const changes = diff(before, patch);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(accounts)
      .set({ ...patch, updatedAt: sql`now()` as never })
      .where(ownAccount(actor));
    await recordAudit(tx, actor, {
      type: 'account.updated',
      subjectType: 'account',
      subjectId: actor.accountId,
      data: { changes },
    });
  });
  return getAccount(deps, { actor });
}

/** First run: true while the installation has no account yet. */
export async function isSetupNeeded(deps: Deps): Promise<boolean> {
  const rows = await deps.db.select({ id: accounts.id }).from(accounts).limit(1);
  return rows.length === 0;
}
