import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Actor } from '../access/index.ts';
import { agents } from '../agents/schema.ts';

/**
 * The name of each record's Agent Record, for records the actor may already see. A downline's
 * agent is not among the actor's assignable agents, so the web app cannot name it from its own
 * lookups: the name comes with the record. One query per page, by primary key.
 */
export async function withAgentNames<T extends { assignedAgentId: string | null }>(
  db: DbOrTx,
  actor: Actor,
  items: T[],
): Promise<(T & { assignedAgentName: string | null })[]> {
  const ids = [...new Set(items.map((i) => i.assignedAgentId).filter((id): id is string => id !== null))];
  const names = new Map<string, string>();
  if (ids.length) {
    const rows = await db
      .select({ id: agents.id, firstName: agents.firstName, lastName: agents.lastName })
      .from(agents)
      .where(inAccount(actor, agents, inArray(agents.id, ids)));
    for (const r of rows) names.set(r.id, `${r.firstName} ${r.lastName}`.trim());
  }
  return items.map((i) => ({
    ...i,
    assignedAgentName: i.assignedAgentId ? (names.get(i.assignedAgentId) ?? null) : null,
  }));
}
