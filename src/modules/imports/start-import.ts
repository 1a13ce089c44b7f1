import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldProblem, notFound } from '../../lib/errors.ts';
import { agents } from '../agents/schema.ts';
import { recordStatuses } from '../record-types/schema.ts';
import { users } from '../users/schema.ts';
import { authorize, type Actor } from '../access/index.ts';
import { getAccount } from '../accounts/index.ts';
import { LEAD_FIELDS } from '../intake/index.ts';
import { assignmentProblems } from '../sales-records/index.ts';
import { runImportJob } from './run-import.ts';
import { imports } from './schema.ts';

const KEYS = new Set<string>(LEAD_FIELDS.map((f) => f.key));

export const StartImportInput = z.strictObject({
  /** Target of each column, in file order: a lead field key, "note" or "ignore". */
  mapping: z.array(z.string().max(40)).max(200),
  recordTypeId: z.uuid().optional(),
  statusId: z.uuid().nullable().default(null),
  assignedUserId: z.uuid().nullable().default(null),
  assignedAgentId: z.uuid().nullable().default(null),
  duplicates: z.enum(['skip', 'update']).default('skip'),
});

/** Step 2: confirm the mapping and defaults; the import then runs as a background job. */
export async function startImport(
  deps: Deps,
  opts: { actor: Actor; id: string; input: z.infer<typeof StartImportInput> },
) {
  const { actor, id, input } = opts;
  const [imp] = await deps.db
    .select()
    .from(imports)
    .where(inAccount(actor, imports, eq(imports.id, id)));
  if (!imp) throw notFound('Import');
  if (imp.status !== 'uploaded') throw new AppError('conflict', `This import is already ${imp.status}.`);
  const recordTypeId = input.recordTypeId ?? (await getAccount(deps, { actor })).defaultRecordTypeId;
  if (!recordTypeId)
    throw new AppError('validation', 'Choose a record type.', {
      errors: [{ path: 'recordTypeId', message: 'Required.' }],
    });
  authorize(actor, 'sales_record.import', { recordTypeId });

  const problems: FieldProblem[] = [];
  if (input.mapping.length !== imp.headings.length) {
    problems.push({
      path: 'mapping',
      message: `Give a target for each of the ${imp.headings.length} columns.`,
    });
  }
  const seen = new Map<string, number>();
  input.mapping.forEach((target, i) => {
    if (target === 'note' || target === 'ignore') return;
    if (!KEYS.has(target)) {
      problems.push({
        path: `mapping.${i}`,
        message: `Column ${i + 1} “${imp.headings[i] ?? '?'}” is not a documented heading; expected one of: ${LEAD_FIELDS.map((f) => f.heading).join(', ')}, Note. Map it to Note or ignore it.`,
      });
    } else if (seen.has(target))
      problems.push({
        path: `mapping.${i}`,
        message: `“${target}” is already mapped from column ${seen.get(target)! + 1}.`,
      });
    else seen.set(target, i);
  });
  for (const f of LEAD_FIELDS) {
    if ('required' in f && f.required && !seen.has(f.key))
      problems.push({
        path: 'mapping',
        message: `The required column “${f.heading}” is missing (found: ${imp.headings.join(', ')}).`,
      });
  }

  const [status] = input.statusId
    ? await deps.db
        .select()
        .from(recordStatuses)
        .where(inAccount(actor, recordStatuses, eq(recordStatuses.id, input.statusId)))
    : await deps.db
        .select()
        .from(recordStatuses)
        .where(inAccount(actor, recordStatuses, eq(recordStatuses.recordTypeId, recordTypeId)))
        .orderBy(asc(recordStatuses.sortOrder))
        .limit(1);
  if (!status) throw notFound('Status');
  if (status.recordTypeId !== recordTypeId)
    problems.push({ path: 'statusId', message: 'This status belongs to another record type.' });
  if (input.assignedUserId) {
    const [u] = await deps.db
      .select({ id: users.id })
      .from(users)
      .where(inAccount(actor, users, eq(users.id, input.assignedUserId), isNull(users.deletedAt)));
    if (!u) throw notFound('User');
  }
  if (input.assignedAgentId) {
    const [a] = await deps.db
      .select({ id: agents.id })
      .from(agents)
      .where(inAccount(actor, agents, eq(agents.id, input.assignedAgentId)));
    if (!a) throw notFound('Agent');
  }
  problems.push(...assignmentProblems(actor, input));
  if (problems.length)
    throw new AppError('validation', 'The mapping or defaults need attention.', { errors: problems });

  await deps.db
    .update(imports)
    .set({
      status: 'queued',
      mapping: imp.headings.map((heading, i) => ({ heading, target: input.mapping[i]! })),
      options: {
        recordTypeId,
        statusId: status.id,
        assignedUserId: input.assignedUserId,
        assignedAgentId: input.assignedAgentId,
        duplicates: input.duplicates,
      },
    })
    .where(and(inAccount(actor, imports, eq(imports.id, id)), eq(imports.status, 'uploaded')));
  await deps.jobs.send(runImportJob, { accountId: actor.accountId, importId: id }, { singletonKey: id });
}

/** A failed import continues from its last committed batch. */
export async function resumeImport(deps: Deps, opts: { actor: Actor; id: string }) {
  authorize(opts.actor, 'sales_record.import');
  const rows = await deps.db
    .update(imports)
    .set({ status: 'queued', lastError: null })
    .where(and(inAccount(opts.actor, imports, eq(imports.id, opts.id)), eq(imports.status, 'failed')))
    .returning({ id: imports.id });
  if (rows.length === 0) {
    const [found] = await deps.db
      .select({ id: imports.id })
      .from(imports)
      .where(inAccount(opts.actor, imports, eq(imports.id, opts.id)));
    if (!found) throw notFound('Import');
    throw new AppError('conflict', 'Only a failed import can be resumed.');
  }
  await deps.jobs.send(
    runImportJob,
    { accountId: opts.actor.accountId, importId: opts.id },
    { singletonKey: opts.id },
  );
}
