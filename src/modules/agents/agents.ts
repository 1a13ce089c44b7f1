import { asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../lib/errors.ts';
import { Email, PersonName } from '../../lib/fields.ts';
import { newId } from '../../lib/ids.ts';
import { Phone } from '../../lib/phone.ts';
import { authorize, type AccountScope, type Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { agents } from './schema.ts';
import { escapeLike } from '../../lib/like.ts';

const Npn = z
  .string()
  .max(40)
  .trim()
  .regex(/^\d{1,10}$/, 'An NPN is 1 to 10 digits.');

export const AgentInput = z.strictObject({
  firstName: PersonName,
  lastName: PersonName,
  npn: Npn.nullable().default(null),
  email: Email.nullable().default(null),
  phone: Phone.nullable().default(null),
  active: z.boolean().default(true),
});
export const AgentPatch = z.strictObject({
  firstName: PersonName.optional(),
  lastName: PersonName.optional(),
  npn: Npn.nullable().optional(),
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
  active: z.boolean().optional(),
});

const columns = {
  id: agents.id,
  firstName: agents.firstName,
  lastName: agents.lastName,
  npn: agents.npn,
  email: agents.email,
  phone: agents.phone,
  active: agents.active,
  createdAt: agents.createdAt,
};

export async function listAgents(
  deps: Deps,
  opts: { actor: Actor; q?: string | undefined; active?: boolean | undefined },
) {
  authorize(opts.actor, 'users.manage');
  const q = opts.q?.trim() ? escapeLike(opts.q.trim()) : undefined;
  return deps.db
    .select(columns)
    .from(agents)
    .where(
      inAccount(
        opts.actor,
        agents,
        q
          ? or(
              ilike(sql`${agents.firstName} || ' ' || ${agents.lastName}`, `%${q}%`),
              ilike(agents.npn, `${q}%`),
              ilike(agents.email, `%${q}%`),
            )
          : undefined,
        opts.active === undefined ? undefined : eq(agents.active, opts.active),
      ),
    )
    .orderBy(asc(agents.lastName), asc(agents.firstName))
    .limit(500);
}

export async function getAgent(deps: Deps, opts: { actor: Actor; id: string }) {
  authorize(opts.actor, 'users.manage');
  const [row] = await deps.db
    .select(columns)
    .from(agents)
    .where(inAccount(opts.actor, agents, eq(agents.id, opts.id)));
  if (!row) throw notFound('Agent');
  return row;
}

export async function createAgent(deps: Deps, opts: { actor: Actor; input: z.infer<typeof AgentInput> }) {
  authorize(opts.actor, 'users.manage');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await tx.insert(agents).values({ accountId: opts.actor.accountId, id, ...opts.input });
    await recordAudit(tx, opts.actor, {
      type: 'agent.created',
      subjectType: 'agent',
      subjectId: id,
      data: { name: `${opts.input.firstName} ${opts.input.lastName}` },
    });
  });
  return getAgent(deps, { actor: opts.actor, id });
}

export async function updateAgent(
  deps: Deps,
  opts: { actor: Actor; id: string; patch: z.infer<typeof AgentPatch> },
) {
  authorize(opts.actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(opts.actor, agents, eq(agents.id, opts.id));
    const [before] = await tx.select().from(agents).where(where).for('update');
    if (!before) throw notFound('Agent');
    const changes = diff(before as unknown as Record<string, unknown>, opts.patch);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(agents)
      .set({ ...opts.patch, updatedAt: sql`now()` as never })
      .where(where);
    await recordAudit(tx, opts.actor, {
      type: 'agent.updated',
      subjectType: 'agent',
      subjectId: opts.id,
      data: { changes },
    });
  });
  return getAgent(deps, opts);
}

/** Throw 404 unless every id is an Agent Record of the account. */
export async function assertAgentsExist(tx: DbOrTx, scope: AccountScope, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx
    .select({ id: agents.id })
    .from(agents)
    .where(inAccount(scope, agents, inArray(agents.id, unique)));
  if (found.length !== unique.length) throw notFound('Agent');
}

/**
 * Agent Records a user may pick on Sales Records and Individuals: every active agent, or under
 * Agent Dropdown View "self" only the user's own Linked Agents.
 */
export async function listAssignableAgents(deps: Deps, opts: { actor: Actor }) {
  const { actor } = opts;
  if (actor.kind === 'user' && !actor.profile.group.individual.visible) authorize(actor, 'sales_record.view');
  const selfOnly = actor.kind === 'user' && actor.profile.sales.agentDropdownView === 'self';
  const own = actor.kind === 'user' ? [...actor.profile.linkedAgentIds] : [];
  return deps.db
    .select({ id: agents.id, firstName: agents.firstName, lastName: agents.lastName, npn: agents.npn })
    .from(agents)
    .where(
      inAccount(
        actor,
        agents,
        eq(agents.active, true),
        selfOnly ? (own.length ? inArray(agents.id, own) : sql`false`) : undefined,
      ),
    )
    .orderBy(asc(agents.lastName), asc(agents.firstName))
    .limit(1000);
}
