import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { firstLinkedAgentOf } from '../agents/index.ts';
import { createSalesRecord } from './sales-records.ts';
import { recordStatusById } from '../record-types/index.ts';
import { authorize, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  copyNotesToIndividual,
  fillIndividualBlanks,
  insertIndividualRow,
  loadVisibleIndividual,
} from '../individuals/index.ts';
import { CreateSalesRecordInput } from './fields.ts';
import { salesRecordConversionHooks } from './hooks.ts';
import { loadVisibleSalesRecord, recordContext, type SalesRecordRow } from './sales-records.ts';
import { salesRecordNotes, salesRecords } from './schema.ts';

/** The person fields a Sales Record hands to its Individual. */
const PERSON_FIELDS = [
  'firstName',
  'middleName',
  'lastName',
  'dateOfBirth',
  'gender',
  'email',
  'phone',
  'cellPhone',
  'street',
  'city',
  'state',
  'zip',
  'county',
  'medicareNumber',
  'partADate',
  'partBDate',
] as const;

async function servicingAgentFor(tx: DbOrTx, actor: Actor, r: SalesRecordRow): Promise<string | null> {
  if (r.assignedAgentId) return r.assignedAgentId;
  if (!r.assignedUserId) return null;
  // The assigned user's Linked Agent becomes the Servicing Agent.
  return firstLinkedAgentOf(tx, actor, r.assignedUserId);
}

/**
 * Convert a closed-won Sales Record into an Individual, in one transaction: fields, notes and
 * policies carry over, the agent link becomes the Servicing Agent; if the record was made for an
 * existing Individual, the data merges into it (filling what it lacks). The Sales Record stays,
 * read-only, marked converted and linked to the Individual.
 */
export async function convertSalesRecord(
  deps: Deps,
  opts: { actor: Actor; id: string },
): Promise<{ individualId: string; merged: boolean }> {
  const { actor, id } = opts;
  return deps.db.transaction(async (tx) => {
    const r = await loadVisibleSalesRecord(tx, actor, id, { forUpdate: true });
    authorize(actor, 'sales_record.convert', { record: recordContext(r) });
    if (r.convertedAt) throw new AppError('conflict', 'This Sales Record is already converted.');
    const status = await recordStatusById(tx, actor, r.statusId);
    if (!status?.isClosedWon) {
      throw new AppError(
        'rule_violation',
        `Only a closed-won Sales Record can be converted; this one is “${status?.name ?? 'unknown'}”.`,
        {
          errors: [{ path: 'statusId', message: 'Not a closed-won status.' }],
        },
      );
    }
    const agentId = await servicingAgentFor(tx, actor, r);
    const person = Object.fromEntries(PERSON_FIELDS.map((f) => [f, r[f]]));
    let individualId: string;
    const merged = r.individualId !== null;
    if (r.individualId) {
      individualId = r.individualId;
      const fill = await fillIndividualBlanks(tx, actor, individualId, person, agentId);
      await recordAudit(tx, actor, {
        type: 'individual.updated',
        subjectType: 'individual',
        subjectId: individualId,
        data: {
          changes: Object.fromEntries(Object.entries(fill).map(([k, v]) => [k, { from: null, to: v }])),
          fromSalesRecordId: id,
        },
      });
    } else {
      individualId = newId();
      await insertIndividualRow(tx, actor, {
        ...(person as Record<string, string | null>),
        firstName: r.firstName,
        lastName: r.lastName,
        id: individualId,
        servicingAgentId: agentId,
        customFields: r.customFields,
        createdByUserId: actor.kind === 'user' ? actor.userId : null,
      });
      await recordAudit(tx, actor, {
        type: 'individual.created',
        subjectType: 'individual',
        subjectId: individualId,
        data: { fields: person, fromSalesRecordId: id },
      });
    }
    const notes = await tx
      .select()
      .from(salesRecordNotes)
      .where(inAccount(actor, salesRecordNotes, eq(salesRecordNotes.salesRecordId, id)));
    await copyNotesToIndividual(tx, actor, individualId, id, notes);
    // What modules above attached to the record (policies, files) follows it to the Individual.
    for (const carryOver of salesRecordConversionHooks.all())
      await carryOver(tx, actor, { salesRecordId: id, individualId });
    await tx
      .update(salesRecords)
      .set({ convertedAt: sql`now()` as never, individualId, updatedAt: sql`now()` as never })
      .where(inAccount(actor, salesRecords, eq(salesRecords.id, id)));
    await recordAudit(tx, actor, {
      type: 'sales_record.converted',
      subjectType: 'sales_record',
      subjectId: id,
      data: { individualId, merged },
    });
    return { individualId, merged };
  });
}

export const BatchConvertInput = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) });

/** Convert selected records, each in its own transaction; one failure does not stop the others. */
export async function convertSalesRecords(deps: Deps, opts: { actor: Actor; ids: string[] }) {
  const results: ({ id: string; individualId: string } | { id: string; error: string; status: number })[] =
    [];
  for (const id of [...new Set(opts.ids)]) {
    try {
      results.push({ id, ...(await convertSalesRecord(deps, { actor: opts.actor, id })) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({
        id,
        error: err.message,
        status: { not_found: 404, conflict: 409, rule_violation: 422 }[err.code as string] ?? 403,
      });
    }
  }
  return { results, converted: results.filter((r) => 'individualId' in r).length };
}

export const FromIndividualInput = CreateSalesRecordInput.pick({
  recordTypeId: true,
  statusId: true,
  assignedUserId: true,
  assignedAgentId: true,
  leadSource: true,
  coverageType: true,
  carrier: true,
  product: true,
});

/** A new sale to an existing client: a Sales Record carrying the Individual's details and link. */
export async function createSalesRecordForIndividual(
  deps: Deps,
  opts: { actor: Actor; individualId: string; input: z.infer<typeof FromIndividualInput> },
) {
  const { actor, input } = opts;
  const ind = await loadVisibleIndividual(deps.db, actor, opts.individualId);
  authorize(
    actor,
    'sales_record.create_from_individual',
    input.recordTypeId ? { recordTypeId: input.recordTypeId } : {},
  );
  const person = Object.fromEntries(
    PERSON_FIELDS.map((f) => [f, (ind as Record<string, unknown>)[f] ?? undefined]).filter(
      ([, v]) => v !== undefined && v !== null,
    ),
  );
  return createSalesRecord(deps, {
    actor,
    input: {
      ...(person as { firstName: string; lastName: string }),
      assignedAgentId: ind.servicingAgentId,
      ...input,
    } as z.infer<typeof CreateSalesRecordInput>,
    individualId: ind.id,
  });
}
