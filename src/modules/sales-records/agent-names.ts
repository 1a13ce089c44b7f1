import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../access/index.ts';
import { agentNames } from '../agents/index.ts';

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
  const names = await agentNames(
    db,
    actor,
    items.flatMap((i) => (i.assignedAgentId ? [i.assignedAgentId] : [])),
  );
  return items.map((i) => ({
    ...i,
    assignedAgentName: i.assignedAgentId ? (names.get(i.assignedAgentId) ?? null) : null,
  }));
}
