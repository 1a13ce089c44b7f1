import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { getAccount } from '../accounts/account-settings.ts';
import type { Actor, ApiKeyActor } from '../access/actor.ts';
import { FEATURE_PACKAGES } from '../access/tasks.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { createIndividual } from '../individuals/individuals.ts';
import { individualNotes, individuals } from '../individuals/schema.ts';
import { createSalesRecord } from '../sales-records/sales-records.ts';
import { salesRecordNotes, salesRecords } from '../sales-records/schema.ts';
import { LEAD_FIELDS, type LeadKey, type LeadValues, validateLead } from './lead-fields.ts';
import { findExistingRecord } from './match-leads.ts';
import { idempotencyKeys, leadPosts } from './schema.ts';

export type IntakeAnswer = {
  status: number;
  body: {
    outcome: 'created' | 'duplicate' | 'updated';
    recordKind: 'sales_record' | 'individual';
    id: string;
    matchedOn: string | null;
  };
};

const KEYS = new Set<string>(LEAD_FIELDS.map((f) => f.key));

/** Posted fields to strings: form posts give strings (or arrays for repeated names), JSON anything. */
function readFields(body: Record<string, unknown>): {
  raw: Record<string, string>;
  notes: string[];
  problems: FieldProblem[];
} {
  const raw: Record<string, string> = {};
  const notes: string[] = [];
  const problems: FieldProblem[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (k === 'note' || k === 'notes') {
      for (const n of Array.isArray(v) ? v : [v])
        if (typeof n === 'string' && n.trim()) notes.push(n.trim().slice(0, 20_000));
      continue;
    }
    if (!KEYS.has(k)) {
      problems.push({ path: k, message: `Unknown field. Accepted: ${[...KEYS].join(', ')}, note.` });
      continue;
    }
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number') raw[k] = String(v);
    else problems.push({ path: k, message: 'Must be text.' });
  }
  return { raw, notes, problems };
}

const hashOf = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

async function fillBlanks(
  tx: DbOrTx,
  actor: Actor,
  kind: 'sales_record' | 'individual',
  id: string,
  values: LeadValues,
) {
  const t = kind === 'sales_record' ? salesRecords : individuals;
  const [row] = (await tx
    .select()
    .from(t)
    .where(inAccount(actor, t, eq(t.id, id)))
    .for('update')) as Record<string, unknown>[];
  const fill = Object.fromEntries(
    Object.entries(values).filter(([k, v]) => v != null && row![k] == null && k in t),
  );
  if (Object.keys(fill).length === 0) return;
  await tx
    .update(t)
    .set({ ...fill, updatedAt: sql`now()` as never })
    .where(inAccount(actor, t, eq(t.id, id)));
  const changes = Object.fromEntries(Object.entries(fill).map(([k, v]) => [k, { from: null, to: v }]));
  if (kind === 'sales_record')
    await recordAudit(tx, actor, {
      type: 'sales_record.updated',
      subjectType: 'sales_record',
      subjectId: id,
      data: { changes },
    });
  else
    await recordAudit(tx, actor, {
      type: 'individual.updated',
      subjectType: 'individual',
      subjectId: id,
      data: { changes },
    });
}

/**
 * A lead from a website form or a vendor. Validated like a CSV row; matched against existing
 * records (email, phone/cell, name + date of birth); creates a Sales Record or an Individual as the
 * account chooses. A retry with the same Idempotency-Key gets the first answer and creates nothing
 * more. Every post is logged with its outcome.
 */
export async function postLead(
  deps: Deps,
  opts: {
    actor: Actor;
    body: Record<string, unknown>;
    contentType?: string | undefined;
    idempotencyKey?: string | undefined;
    ip?: string | undefined;
  },
): Promise<IntakeAnswer> {
  const { actor } = opts;
  if (actor.kind !== 'api_key')
    throw new AppError(
      'forbidden',
      'Lead posts are authenticated with an account API key (Authorization: Bearer …).',
      { missing: ['apiKey'] },
    );
  const { raw, notes, problems } = readFields(opts.body);
  const checked = validateLead(raw);
  const allProblems = [...problems, ...checked.problems];
  const log = async (
    entry: Partial<typeof leadPosts.$inferInsert> & {
      outcome: (typeof leadPosts.$inferInsert)['outcome'];
      httpStatus: number;
    },
  ) => {
    await deps.db.insert(leadPosts).values({
      accountId: actor.accountId,
      id: newId(),
      apiKeyId: actor.apiKeyId,
      contentType: opts.contentType?.slice(0, 100) ?? null,
      idempotencyKey: opts.idempotencyKey ?? null,
      fields: opts.body,
      ip: opts.ip ?? null,
      ...entry,
    });
  };
  if (allProblems.length) {
    await log({ outcome: 'invalid', httpStatus: 400, errors: allProblems });
    throw new AppError(
      'validation',
      `The lead has ${allProblems.length} problem${allProblems.length === 1 ? '' : 's'}; nothing was saved.`,
      { errors: allProblems },
    );
  }
  const settings = (await getAccount(deps, { actor })).leadIntake;
  const kind = settings.target;
  if (kind === 'sales_record' && !FEATURE_PACKAGES.sales.includes(actor.accountPackage)) {
    await log({ outcome: 'refused', httpStatus: 403 });
    throw new AppError(
      'not_in_package',
      'Not in your package: this account has no Sales Records. Set lead posts to create Individuals.',
      { missing: ['package:sales'] },
    );
  }
  const requestHash = hashOf({ raw: checked.values, notes });
  const internal: ApiKeyActor = { ...actor, scope: 'full' }; // the key's leads scope allows exactly this

  let replay = false;
  const answer = await deps.db.transaction(async (tx) => {
    if (opts.idempotencyKey) {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({
          accountId: actor.accountId,
          scope: 'lead_post',
          key: opts.idempotencyKey,
          requestHash,
          statusCode: 0,
          response: {},
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        const [prior] = await tx
          .select()
          .from(idempotencyKeys)
          .where(
            and(
              eq(idempotencyKeys.accountId, actor.accountId),
              eq(idempotencyKeys.scope, 'lead_post'),
              eq(idempotencyKeys.key, opts.idempotencyKey),
            ),
          );
        if (prior!.requestHash !== requestHash)
          throw new AppError('rule_violation', 'This Idempotency-Key was already used for a different lead.');
        replay = true;
        return { status: prior!.statusCode, body: prior!.response as IntakeAnswer['body'] };
      }
    }
    const txDeps = { ...deps, db: tx as unknown as Db };
    const match = await findExistingRecord(tx, actor, kind, checked.values);
    let result: IntakeAnswer;
    if (match) {
      if (settings.duplicates === 'update') await fillBlanks(tx, internal, kind, match.id, checked.values);
      result = {
        status: 200,
        body: {
          outcome: settings.duplicates === 'update' ? 'updated' : 'duplicate',
          recordKind: kind,
          id: match.id,
          matchedOn: match.matchedOn,
        },
      };
    } else {
      const values = checked.values as LeadValues & { firstName: string; lastName: string };
      const created =
        kind === 'sales_record'
          ? await createSalesRecord(txDeps, {
              actor: internal,
              input: {
                ...values,
                ...(settings.recordTypeId ? { recordTypeId: settings.recordTypeId } : {}),
              } as never,
            })
          : await createIndividual(txDeps, { actor: internal, input: values as never });
      result = {
        status: 201,
        body: { outcome: 'created', recordKind: kind, id: created.id, matchedOn: null },
      };
    }
    if (notes.length && result.body.outcome !== 'duplicate') {
      const noteTable = kind === 'sales_record' ? salesRecordNotes : individualNotes;
      const owner =
        kind === 'sales_record' ? { salesRecordId: result.body.id } : { individualId: result.body.id };
      await tx
        .insert(noteTable)
        .values(notes.map((body) => ({ accountId: actor.accountId, id: newId(), body, ...owner })) as never);
    }
    if (opts.idempotencyKey) {
      await tx
        .update(idempotencyKeys)
        .set({ statusCode: result.status, response: result.body })
        .where(
          and(
            eq(idempotencyKeys.accountId, actor.accountId),
            eq(idempotencyKeys.scope, 'lead_post'),
            eq(idempotencyKeys.key, opts.idempotencyKey),
          ),
        );
    }
    return result;
  });
  if (!replay)
    await log({
      outcome: answer.body.outcome,
      httpStatus: answer.status,
      recordKind: kind,
      recordId: answer.body.id,
      matchedOn: answer.body.matchedOn,
    });
  return answer;
}

export type { LeadKey };
