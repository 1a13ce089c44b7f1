// What other modules may read of Agent Records (docs/ARCHITECTURE.md, "rooms with doors").
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { agents } from './schema.ts';

/** "First Last" of each given Agent Record of the account, by id, in one query (by primary key). */
export async function agentNames(
  db: DbOrTx,
  scope: AccountScope,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  if (unique.length === 0) return names;
  const rows = await db
    .select({ id: agents.id, firstName: agents.firstName, lastName: agents.lastName })
    .from(agents)
    .where(inAccount(scope, agents, inArray(agents.id, unique)));
  for (const r of rows) names.set(r.id, `${r.firstName} ${r.lastName}`.trim());
  return names;
}

/**
 * Each item with the name of the Agent Record its `idKey` points to, under `nameKey` (null: none,
 * or gone): a record's agent may be a downline's, not among the actor's assignable agents, so the
 * web app cannot name it from its own lookups. One query per page, by primary key.
 */
export async function withAgentNames<T extends Record<K, string | null>, K extends string, N extends string>(
  db: DbOrTx,
  scope: AccountScope,
  items: T[],
  idKey: K,
  nameKey: N,
): Promise<(T & Record<N, string | null>)[]> {
  const names = await agentNames(
    db,
    scope,
    items.flatMap((i) => (i[idKey] ? [i[idKey]] : [])),
  );
  return items.map(
    (i) =>
      ({ ...i, [nameKey]: i[idKey] ? (names.get(i[idKey]) ?? null) : null }) as T & Record<N, string | null>,
  );
}
