import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { auditEvents } from '../audit/schema.ts';
import { policies } from '../policies/schema.ts';
import { users } from '../users/schema.ts';
import type { Actor } from '../access/index.ts';
import { loadVisibleIndividual } from './individuals.ts';

/**
 * The Individual's history: every audit event about it (created or converted into, fields from →
 * to, notes, files) and about its policies (added, edited, commissions) — including policies
 * quoted on a Sales Record before it converted — oldest first, with who did it.
 */
export async function individualHistory(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; individualId: string },
) {
  const { actor } = opts;
  const ind = await loadVisibleIndividual(deps.db, actor, opts.individualId);
  const policyIds = deps.db
    .select({ id: policies.id })
    .from(policies)
    .where(inAccount(actor, policies, eq(policies.individualId, ind.id)));
  return deps.db
    .select({
      id: auditEvents.id,
      type: auditEvents.type,
      occurredAt: auditEvents.occurredAt,
      subjectType: sql<'individual' | 'policy'>`${auditEvents.subjectType}`,
      subjectId: auditEvents.subjectId,
      data: auditEvents.data,
      actor: { id: users.id, firstName: users.firstName, lastName: users.lastName },
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.accountId, auditEvents.accountId), eq(users.id, auditEvents.actorUserId)))
    .where(
      inAccount(
        actor,
        auditEvents,
        or(
          and(eq(auditEvents.subjectType, 'individual'), eq(auditEvents.subjectId, ind.id)),
          and(eq(auditEvents.subjectType, 'policy'), inArray(auditEvents.subjectId, policyIds)),
        ),
      ),
    )
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
}
