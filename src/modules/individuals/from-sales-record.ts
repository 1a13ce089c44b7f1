// What a Sales Record's conversion (the sales-records module, above) writes into the individuals
// module's tables, in the conversion's transaction. The audit events stay with the conversion.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { newId } from '../../lib/ids.ts';
import type { AccountScope } from '../access/index.ts';
import { individualNotes, individuals } from './schema.ts';

type IndividualInsert = typeof individuals.$inferInsert;

/**
 * Fill what the Individual lacks (null fields) from `person`, and its Servicing Agent if it has none;
 * locks the row first. Returns what was filled (empty when nothing was).
 */
export async function fillIndividualBlanks(
  tx: DbOrTx,
  scope: AccountScope,
  individualId: string,
  person: Record<string, unknown>,
  servicingAgentId: string | null,
): Promise<Record<string, unknown>> {
  const [ind] = await tx
    .select()
    .from(individuals)
    .where(inAccount(scope, individuals, eq(individuals.id, individualId)))
    .for('update');
  const fill: Record<string, unknown> = {};
  for (const [f, v] of Object.entries(person))
    if ((ind as Record<string, unknown>)[f] == null && v != null) fill[f] = v;
  if (!ind!.servicingAgentId && servicingAgentId) fill.servicingAgentId = servicingAgentId;
  if (Object.keys(fill).length)
    await tx
      .update(individuals)
      .set({ ...fill, updatedAt: sql`now()` as never })
      .where(inAccount(scope, individuals, eq(individuals.id, individualId)));
  return fill;
}

/** Insert a new Individual row (the caller audits it). */
export async function insertIndividualRow(
  tx: DbOrTx,
  scope: AccountScope,
  values: Omit<IndividualInsert, 'accountId'>,
): Promise<void> {
  await tx.insert(individuals).values({ ...values, accountId: scope.accountId });
}

/** Copy notes onto the Individual, keeping their author, time and the Sales Record they came from. */
export async function copyNotesToIndividual(
  tx: DbOrTx,
  scope: AccountScope,
  individualId: string,
  fromSalesRecordId: string,
  notes: { body: string; authorUserId: string | null; createdAt: Date }[],
): Promise<void> {
  if (notes.length === 0) return;
  await tx.insert(individualNotes).values(
    notes.map((n) => ({
      accountId: scope.accountId,
      id: newId(),
      individualId,
      body: n.body,
      authorUserId: n.authorUserId,
      fromSalesRecordId,
      createdAt: n.createdAt,
    })),
  );
}
