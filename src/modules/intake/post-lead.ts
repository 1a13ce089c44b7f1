import { createHash } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { insertSelect, placeholderValues, PreparedStatement, rowPlaceholders } from '../../db/bulk-insert.ts';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldProblem, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { accounts } from '../accounts/schema.ts';
import { auditEvents } from '../audit/schema.ts';
import { individualNotes, individuals } from '../individuals/schema.ts';
import { recordStatuses } from '../record-types/schema.ts';
import { salesRecordNotes, salesRecords } from '../sales-records/schema.ts';
import { FEATURE_PACKAGES, authorize, type Actor, type ApiKeyActor } from '../access/index.ts';
import { DEFAULT_LEAD_INTAKE, type AccountSettings } from '../accounts/index.ts';
import { auditRow, recordAudit } from '../audit/index.ts';
import { createIndividual } from '../individuals/index.ts';
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
  tx: Tx,
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

type Answer = IntakeAnswer;
type PostOpts = {
  actor: ApiKeyActor;
  body: Record<string, unknown>;
  contentType?: string | undefined;
  idempotencyKey?: string | undefined;
  ip?: string | undefined;
};
type LogEntry = Partial<typeof leadPosts.$inferInsert> & {
  outcome: (typeof leadPosts.$inferInsert)['outcome'];
  httpStatus: number;
};

/** The lead_posts row for a post and its outcome. */
const logRow = (opts: PostOpts, entry: LogEntry): typeof leadPosts.$inferInsert => ({
  accountId: opts.actor.accountId,
  id: newId(),
  apiKeyId: opts.actor.apiKeyId,
  contentType: opts.contentType?.slice(0, 100) ?? null,
  idempotencyKey: opts.idempotencyKey ?? null,
  fields: opts.body,
  ip: opts.ip ?? null,
  ...entry,
});

const idempotencyWhere = (opts: PostOpts) =>
  and(
    eq(idempotencyKeys.accountId, opts.actor.accountId),
    eq(idempotencyKeys.scope, 'lead_post'),
    eq(idempotencyKeys.key, opts.idempotencyKey!),
  );

/** The answer given to the post that first used this Idempotency-Key (the same lead), else 422. */
async function priorAnswer(db: DbOrTx, opts: PostOpts, requestHash: string): Promise<Answer> {
  const [prior] = await db.select().from(idempotencyKeys).where(idempotencyWhere(opts));
  if (!prior || prior.requestHash !== requestHash)
    throw new AppError('rule_violation', 'This Idempotency-Key was already used for a different lead.');
  return { status: prior.statusCode, body: prior.response as Answer['body'] };
}

/** The account's settings (lead intake target, duplicates, default record type): read per post. */
const ACCOUNT_SETTINGS = new PreparedStatement<{ account: string }, { settings: AccountSettings }>(
  'lead_post_account',
  () =>
    sql`select ${accounts.settings} as settings from ${accounts} where ${accounts.id} = ${sql.placeholder('account')}`,
);

const LEAD_KEYS = LEAD_FIELDS.map((f) => f.key);
const RECORD_KEYS = ['accountId', 'id', 'recordTypeId', ...LEAD_KEYS];
const CLAIM_KEYS = ['accountId', 'scope', 'key', 'requestHash', 'statusCode', 'response'];
const AUDIT_KEYS = [
  'accountId',
  'id',
  'type',
  'actorUserId',
  'actorApiKeyId',
  'ip',
  'userAgent',
  'subjectType',
  'subjectId',
  'data',
];
const LOG_KEYS = [
  'accountId',
  'id',
  'apiKeyId',
  'contentType',
  'idempotencyKey',
  'fields',
  'ip',
  'outcome',
  'httpStatus',
  'recordKind',
  'recordId',
  'matchedOn',
];

/**
 * The statement that writes a post's answer, built once per kind of answer: the Idempotency-Key
 * claim (holding the final answer, so a retry needs nothing else), then — only if the key was not
 * taken before — for a new Sales Record the record (with its type's first status), its audit event
 * and notes, and in every case the post's log line. One round trip, all or nothing. A concurrent
 * retry with the same key waits on the claim's unique index, finds it taken, writes nothing and
 * replays the first answer.
 */
function answerStatement(created: boolean, keyed: boolean) {
  return new PreparedStatement<Record<string, unknown>, { claimed: number }>(
    `lead_post_${created ? 'create' : 'duplicate'}${keyed ? '_keyed' : ''}`,
    () => {
      const when = keyed ? { where: sql`exists (select 1 from claim)` } : {};
      const ctes: SQL[] = [];
      if (keyed)
        ctes.push(
          sql`claim as (${insertSelect(
            idempotencyKeys,
            rowPlaceholders(idempotencyKeys, 'claim', CLAIM_KEYS),
            {
              onConflictDoNothing: true,
              returning: sql`1 as ok`,
            },
          )})`,
        );
      if (created) {
        const rec = rowPlaceholders(salesRecords, 'record', RECORD_KEYS);
        const scope = { accountId: rec.accountId as unknown as string };
        const firstStatus = sql`(select ${recordStatuses.id} from ${recordStatuses} where ${inAccount(scope, recordStatuses, sql`${recordStatuses.recordTypeId} = ${rec.recordTypeId}`)} order by ${recordStatuses.sortOrder} limit 1)`;
        ctes.push(
          sql`r as (${insertSelect(
            salesRecords,
            { ...rec, statusId: firstStatus },
            { ...when, returning: sql`${salesRecords.statusId}` },
          )})`,
        );
        // The audit event names the status the record was given.
        const audit = rowPlaceholders(auditEvents, 'audit', AUDIT_KEYS);
        ctes.push(
          sql`a as (${insertSelect(
            auditEvents,
            { ...audit, data: sql`jsonb_set(${audit.data}, '{fields,statusId}', to_jsonb(r.status_id))` },
            { from: sql`r` },
          )})`,
        );
        ctes.push(
          sql`n as (insert into ${salesRecordNotes} (account_id, id, sales_record_id, body) select ${rec.accountId}, u.id, ${rec.id}, u.body from unnest(${sql.placeholder('noteIds')}::uuid[], ${sql.placeholder('noteBodies')}::text[]) as u(id, body) where exists (select 1 from r))`,
        );
      }
      ctes.push(sql`l as (${insertSelect(leadPosts, rowPlaceholders(leadPosts, 'log', LOG_KEYS), when)})`);
      return sql`with ${sql.join(ctes, sql`, `)} select ${keyed ? sql`(select count(*) from claim)::int` : sql`1`} as claimed`;
    },
  );
}
const ANSWER = {
  created: [answerStatement(true, false), answerStatement(true, true)],
  duplicate: [answerStatement(false, false), answerStatement(false, true)],
} as const;

/**
 * Write a created or duplicate answer in one statement (answerStatement). Returns false when the
 * Idempotency-Key was already taken, and nothing was written.
 */
async function writeAnswer(
  db: DbOrTx,
  opts: PostOpts,
  requestHash: string,
  answer: Answer,
  log: LogEntry,
): Promise<boolean>;
/** A created record carries its audit event: written in a transaction, like every audit event (recordAudit). */
async function writeAnswer(
  tx: Tx,
  opts: PostOpts,
  requestHash: string,
  answer: Answer,
  log: LogEntry,
  created: { record: Record<string, unknown>; audit: Record<string, unknown>; notes: string[] },
): Promise<boolean>;
async function writeAnswer(
  db: DbOrTx,
  opts: PostOpts,
  requestHash: string,
  answer: Answer,
  log: LogEntry,
  created?: { record: Record<string, unknown>; audit: Record<string, unknown>; notes: string[] },
): Promise<boolean> {
  const key = opts.idempotencyKey;
  const values: Record<string, unknown> = {
    ...placeholderValues(leadPosts, 'log', LOG_KEYS, logRow(opts, log)),
  };
  if (key)
    Object.assign(
      values,
      placeholderValues(idempotencyKeys, 'claim', CLAIM_KEYS, {
        accountId: opts.actor.accountId,
        scope: 'lead_post',
        key,
        requestHash,
        statusCode: answer.status,
        response: answer.body,
      }),
    );
  if (created)
    Object.assign(
      values,
      placeholderValues(salesRecords, 'record', RECORD_KEYS, created.record),
      placeholderValues(auditEvents, 'audit', AUDIT_KEYS, created.audit),
      { noteIds: created.notes.map(() => newId()), noteBodies: created.notes },
    );
  const [row] = await ANSWER[created ? 'created' : 'duplicate'][key ? 1 : 0].run(db, values);
  return Number(row?.claimed) > 0;
}

/** A not-null violation of `column` (the database's error, possibly wrapped by the query builder). */
function isNotNull(e: unknown, column: string): boolean {
  type DbError = { code?: string; column?: string; message?: string; cause?: unknown };
  for (let c = e as DbError | undefined; c; c = c.cause as DbError | undefined)
    if (c.code === '23502' && (c.column === column || c.message?.includes(`"${column}"`))) return true;
  return false;
}

/**
 * A lead from a website form or a vendor. Validated like a CSV row; matched against existing
 * records (email, phone/cell, name + date of birth); creates a Sales Record or an Individual as the
 * account chooses. A retry with the same Idempotency-Key gets the first answer and creates nothing
 * more. Every post is logged with its outcome, in the same statement or transaction as its change.
 *
 * The common answers — a new Sales Record, or a duplicate left alone — are written with one
 * statement each (claim, record, notes, audit event, log line; see answerStatement), after one match
 * query: four round trips per post with the key check and the account's settings.
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
  const post: PostOpts = { ...opts, actor };
  const { raw, notes, problems } = readFields(opts.body);
  const checked = validateLead(raw);
  const allProblems = [...problems, ...checked.problems];
  const log = (entry: LogEntry) => deps.db.insert(leadPosts).values(logRow(post, entry));
  if (allProblems.length) {
    await log({ outcome: 'invalid', httpStatus: 400, errors: allProblems });
    throw new AppError(
      'validation',
      `The lead has ${allProblems.length} problem${allProblems.length === 1 ? '' : 's'}; nothing was saved.`,
      { errors: allProblems },
    );
  }
  const [account] = await ACCOUNT_SETTINGS.run(deps.db, { account: actor.accountId });
  if (!account) throw notFound('Account');
  const settings = account.settings.leadIntake ?? DEFAULT_LEAD_INTAKE;
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
  const match = await findExistingRecord(deps.db, actor, kind, checked.values);
  const replay = () => priorAnswer(deps.db, post, requestHash);

  if (match && settings.duplicates !== 'update') {
    const answer: Answer = {
      status: 200,
      body: { outcome: 'duplicate', recordKind: kind, id: match.id, matchedOn: match.matchedOn },
    };
    const done = await writeAnswer(deps.db, post, requestHash, answer, {
      outcome: 'duplicate',
      httpStatus: 200,
      recordKind: kind,
      recordId: match.id,
      matchedOn: match.matchedOn,
    });
    return done ? answer : replay();
  }

  if (!match && kind === 'sales_record') {
    const recordTypeId = settings.recordTypeId ?? account.settings.defaultRecordTypeId ?? null;
    if (!recordTypeId)
      throw new AppError('validation', 'Choose a record type.', {
        errors: [{ path: 'recordTypeId', message: 'Required.' }],
      });
    authorize(internal, 'sales_record.add', { recordTypeId });
    const id = newId();
    const answer: Answer = {
      status: 201,
      body: { outcome: 'created', recordKind: kind, id, matchedOn: null },
    };
    const fields = Object.fromEntries(Object.entries(checked.values).filter(([, v]) => v != null));
    const audit = auditRow(internal, {
      type: 'sales_record.created',
      subjectType: 'sales_record',
      subjectId: id,
      data: { fields: { ...fields, recordTypeId } },
    });
    try {
      const done = await deps.db.transaction((tx) =>
        writeAnswer(
          tx,
          post,
          requestHash,
          answer,
          { outcome: 'created', httpStatus: 201, recordKind: kind, recordId: id, matchedOn: null },
          { record: { ...checked.values, accountId: actor.accountId, id, recordTypeId }, audit, notes },
        ),
      );
      return done ? answer : replay();
    } catch (e) {
      if (isNotNull(e, 'status_id')) throw notFound('Record type'); // a type without statuses
      throw e;
    }
  }

  // Filling in a duplicate's blanks, or creating an Individual: the use cases in one transaction
  // with the key claim (a placeholder answer, filled in at the end) and the log line.
  let replayed: Answer | null = null;
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
        replayed = await priorAnswer(tx, post, requestHash);
        return replayed;
      }
    }
    const txDeps = { ...deps, db: tx as unknown as Db };
    let result: IntakeAnswer;
    if (match) {
      await fillBlanks(tx, internal, kind, match.id, checked.values);
      result = {
        status: 200,
        body: { outcome: 'updated', recordKind: kind, id: match.id, matchedOn: match.matchedOn },
      };
    } else {
      const created = await createIndividual(txDeps, {
        actor: internal,
        input: checked.values as never,
      });
      result = {
        status: 201,
        body: { outcome: 'created', recordKind: kind, id: created.id, matchedOn: null },
      };
    }
    if (notes.length) {
      const noteTable = kind === 'sales_record' ? salesRecordNotes : individualNotes;
      const owner =
        kind === 'sales_record' ? { salesRecordId: result.body.id } : { individualId: result.body.id };
      await tx
        .insert(noteTable)
        .values(notes.map((body) => ({ accountId: actor.accountId, id: newId(), body, ...owner })) as never);
    }
    if (opts.idempotencyKey)
      await tx
        .update(idempotencyKeys)
        .set({ statusCode: result.status, response: result.body })
        .where(idempotencyWhere(post));
    await tx.insert(leadPosts).values(
      logRow(post, {
        outcome: result.body.outcome,
        httpStatus: result.status,
        recordKind: kind,
        recordId: result.body.id,
        matchedOn: result.body.matchedOn,
      }),
    );
    return result;
  });
  return replayed ?? answer;
}

export type { LeadKey };
