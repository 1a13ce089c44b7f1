import { and, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { bulkInsert, bulkInsertTuples } from '../../db/bulk-insert.ts';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import type { JobDefinition } from '../../jobs/queue.ts';
import { accountBasics } from '../accounts/index.ts';
import type { FieldProblem } from '../../lib/errors.ts';
import { salesRecordNotes, salesRecords } from '../sales-records/schema.ts';
import type { AccountScope, SystemActor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  LEAD_FIELDS,
  RowValidator,
  findMatches,
  leadKeys,
  type LeadKey,
  type LeadValues,
} from '../intake/index.ts';
import { planBatch, type PlannedRow } from './plan-batch.ts';
import { csvRecordChunks } from './read-file.ts';
import { importErrors, type ImportOptions, imports } from './schema.ts';

/**
 * Rows per committed batch: large enough that the fixed cost of a batch (its transaction, one
 * match query, one COPY per table) is small next to the rows, small enough that a progress step
 * and the work a crash can lose stay short, and that a batch's rows die young in the server's
 * heap instead of being promoted. Measured on 100,000 rows (docs/performance.md): 2,500 took
 * 6.0–6.5 s where 5,000 took 7.0 s and 1,000 took 6.9–7.2 s.
 */
export const BATCH_ROWS = 2500;
export const runImportJob = { name: 'import.run' } as const;
const Payload = z.object({ accountId: z.uuid(), importId: z.uuid() });

type ErrorRow = typeof importErrors.$inferInsert;
type Imp = {
  id: string;
  options: ImportOptions;
  createdByUserId: string | null;
  /** The lead fields the file's columns are mapped to. */
  fields: LeadKey[];
};
const RECORD_COLUMNS = [
  'accountId',
  'id',
  'recordTypeId',
  'statusId',
  'assignedUserId',
  'assignedAgentId',
  'createdByUserId',
  'importId',
] as const;
const NOTE_COLUMNS = ['accountId', 'id', 'salesRecordId', 'body', 'authorUserId'];
const ERROR_COLUMNS = ['accountId', 'importId', 'row', 'column', 'reason', 'cells'];

/** A batch being gathered: the valid rows with their normalised values, and every problem by row and column. */
type Batch = { rows: number; valid: PlannedRow[]; errors: ErrorRow[]; failed: number };
const emptyBatch = (): Batch => ({ rows: 0, valid: [], errors: [], failed: 0 });

/**
 * Reads the file's rows into batches: each row checked (RowValidator), its Note columns gathered
 * and its match keys worked out once, for the batch's matching and plan.
 */
class RowReader {
  private readonly validator: RowValidator;
  private readonly noteColumns: { column: number; label: string }[] = [];
  private readonly problems: FieldProblem[] = [];

  constructor(
    private readonly scope: AccountScope,
    private readonly importId: string,
    private readonly headings: string[],
    targets: string[],
  ) {
    this.validator = new RowValidator(targets);
    targets.forEach((t, column) => {
      const h = headings[column]!;
      if (t === 'note')
        this.noteColumns.push({ column, label: h === 'Note' || /^Note \d+$/.test(h) ? '' : `${h}: ` });
    });
  }

  /** `row`: the row's number as a spreadsheet shows it (headings row 1), as the preview numbers it. */
  add(batch: Batch, row: number, cells: string[]) {
    batch.rows++;
    if (cells.length !== this.headings.length) {
      this.error(
        batch,
        row,
        '(row)',
        `Expected ${this.headings.length} columns, found ${cells.length}.`,
        cells,
      );
      batch.failed++;
      return;
    }
    const problems = this.problems;
    const values = this.validator.validate(cells, problems);
    if (problems.length) {
      for (const p of problems) this.error(batch, row, p.path, p.message, cells);
      problems.length = 0;
      batch.failed++;
      return;
    }
    const notes: string[] = [];
    for (const n of this.noteColumns) {
      const body = cells[n.column]!.trim();
      if (body) notes.push(n.label + body);
    }
    batch.valid.push({ values, keys: leadKeys(values), notes });
  }

  private error(batch: Batch, row: number, column: string, reason: string, cells: string[]) {
    // As uploaded, but without NUL (PostgreSQL's text and jsonb cannot hold it).
    const kept = cells.map((c) => (c.includes('\u0000') ? c.replaceAll('\u0000', '\uFFFD') : c));
    batch.errors.push({
      accountId: this.scope.accountId,
      importId: this.importId,
      row,
      column,
      reason,
      cells: kept,
    });
  }
}

const recordColumns = getTableColumns(salesRecords) as unknown as Record<
  string,
  { name: string; getSQLType(): string }
>;

/**
 * Fill in the blanks of existing records (duplicates with "update"): one statement for the batch,
 * each column set to `coalesce(current, new)` from arrays of the new values.
 */
async function fillBlanks(tx: DbOrTx, scope: AccountScope, updates: Map<string, LeadValues>) {
  if (updates.size === 0) return;
  const entries = [...updates];
  const keys = [...new Set(entries.flatMap(([, v]) => Object.keys(v)))].filter((k) => recordColumns[k]);
  const arrays: SQL[] = [sql`${sql.param(entries.map(([id]) => id))}::uuid[]`];
  const sets: SQL[] = [];
  keys.forEach((k, i) => {
    const col = recordColumns[k]!;
    arrays.push(
      sql`${sql.param(entries.map(([, v]) => v[k as keyof LeadValues] ?? null))}::${sql.raw(col.getSQLType())}[]`,
    );
    sets.push(
      sql`${sql.identifier(col.name)} = coalesce(${sql.identifier('sales_records')}.${sql.identifier(col.name)}, u.${sql.raw(`c${i}`)})`,
    );
  });
  const aliases = sql.raw(['id', ...keys.map((_, i) => `c${i}`)].join(', '));
  await tx.execute(
    sql`update ${salesRecords} set ${sql.join([...sets, sql`updated_at = now()`], sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${aliases}) where ${inAccount(scope, salesRecords, sql`${salesRecords.id} = u.id`)}`,
  );
}

/**
 * One batch, in the caller's transaction: match the valid rows against existing records (one
 * query), decide create / update / skip (planBatch), then write the new records, their notes, the
 * filled-in blanks and the error lines, each with one statement.
 */
async function commitBatch(tx: DbOrTx, scope: AccountScope, imp: Imp, batch: Batch, lane: Lane) {
  const existing = await findMatches(tx, scope, 'sales_record', batch.valid);
  // The previous batch may still be uncommitted on the other lane: its new records are invisible
  // to the query above, so their keys come from its plan instead.
  if (lane.previous) {
    for (const [k, id] of await lane.previous.createdKeys) if (!existing.has(k)) existing.set(k, id);
  }
  const plan = planBatch(batch.valid, existing, imp.options.duplicates, newId);
  lane.planned?.(createdKeys(plan.creates));
  const o = imp.options;
  // One array of values per new record, in the columns' order (cheaper than an object each).
  const records = plan.creates.map((c) => {
    const r: unknown[] = [
      scope.accountId,
      c.id,
      o.recordTypeId,
      o.statusId,
      o.assignedUserId,
      o.assignedAgentId,
      imp.createdByUserId,
      imp.id,
    ];
    for (const k of imp.fields) r.push(c.values[k]);
    return r;
  });
  const notes = plan.creates.flatMap((c) =>
    c.notes.map((body) => ({
      accountId: scope.accountId,
      id: newId(),
      salesRecordId: c.id,
      body,
      authorUserId: imp.createdByUserId,
    })),
  );
  await bulkInsertTuples(tx, salesRecords, [...RECORD_COLUMNS, ...imp.fields], records);
  await bulkInsert(tx, salesRecordNotes, notes, NOTE_COLUMNS);
  await bulkInsert(tx, importErrors, batch.errors, ERROR_COLUMNS);
  // Commits go in file order: the caller's progress update and commit follow the previous
  // batch's, so a crash never leaves a later batch committed without an earlier one. (A failed
  // previous batch fails this one too: its transaction rolls back.)
  if (lane.previous) await lane.previous.committed;
  await fillBlanks(tx, scope, plan.updates);
  return { ...plan.counts, failed: batch.failed };
}

/**
 * The match keys of a batch's new records (key → id), as a later batch's matching would find them
 * in the database. Only used with "skip", where a new record's values are its row's (with
 * "update" a later row of the batch may fill in more, and batches go one at a time).
 */
function createdKeys(creates: { id: string; keys: string[] }[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const c of creates) for (const k of c.keys) if (!keys.has(k)) keys.set(k, c.id);
  return keys;
}

/** A batch in the database: its plan's new-record keys, then its commit. */
type Flight = { createdKeys: Promise<Map<string, string>>; committed: Promise<void> };
/** What a batch being committed knows of the batch before it, if that one may still be in flight. */
type Lane = { previous: Flight | null; planned: ((keys: Map<string, string>) => void) | null };

/**
 * Cached plans of foreign-key checks (sales_record_notes → sales_records) are made once per
 * connection from the statistics of that moment. On an empty or barely analysed table every index
 * on account_id looks equally good, the plan may pick one that is not the primary key, and each
 * check then reads the whole account: an import into a new database slows down batch after batch.
 * After the first batch, if the statistics do not yet know about the rows this import added,
 * ANALYZE the table: that invalidates those plans everywhere and they are made again from
 * real numbers. (PostgreSQL's advice after a bulk load; a non-owner gets a warning, not an error.)
 */
async function analyzeIfStale(db: DbOrTx, created: number) {
  const res = (await db.execute(
    sql`select reltuples::float8 as n from pg_class where oid = 'sales_records'::regclass`,
  )) as unknown as { rows: { n: number }[] };
  if ((res.rows[0]?.n ?? 0) < created) await db.execute(sql`analyze sales_records`);
}

/** The innermost cause's message: the database's own words, not the failed query the builder wraps them in. */
function rootMessage(err: unknown): string {
  let e = err as { message?: unknown; cause?: unknown };
  while (e.cause && typeof e.cause === 'object') e = e.cause as typeof e;
  return String(e.message ?? err);
}

/**
 * The import job: stream the stored file, skip rows already done (resume), and handle batches of
 * BATCH_ROWS rows, each committed with its progress counters in one transaction, in file order —
 * so a crash loses no committed batch and a resume neither repeats nor skips rows. Parsing and
 * validating the next batch runs while earlier ones are being written; each batch's duplicate
 * matching sees every earlier batch (from the database, or from the plan of one still in flight).
 */
export function runImportDefinition(deps: Deps): JobDefinition<z.infer<typeof Payload>> {
  return {
    name: runImportJob.name,
    retryLimit: 2,
    retryDelaySeconds: 5,
    // Its process died on the last attempt: failed, with the committed batches kept, resumable.
    async onInterrupted(raw) {
      const { accountId, importId } = Payload.parse(raw);
      await deps.db
        .update(imports)
        .set({
          status: 'failed',
          lastError: 'Interrupted: the server stopped while importing. Resume to continue where it stopped.',
        })
        .where(
          and(
            eq(imports.accountId, accountId),
            eq(imports.id, importId),
            inArray(imports.status, ['queued', 'running']),
          ),
        );
    },
    async handler(raw, meta) {
      const { accountId, importId } = Payload.parse(raw);
      const scope = { accountId };
      const where = and(eq(imports.accountId, accountId), eq(imports.id, importId));
      const [imp] = await deps.db.select().from(imports).where(where);
      if (!imp || !['queued', 'running'].includes(imp.status) || !imp.mapping || !imp.options) return;
      await deps.db
        .update(imports)
        .set({ status: 'running', startedAt: imp.startedAt ?? new Date() })
        .where(where);
      const targets = imp.mapping.map((m) => m.target);
      const job: Imp = {
        id: imp.id,
        options: imp.options,
        createdByUserId: imp.createdByUserId,
        fields: LEAD_FIELDS.map((f) => f.key).filter((k) => targets.includes(k)),
      };
      const reader = new RowReader(scope, imp.id, imp.headings, targets);
      let dataRow = 0;
      let created = 0;
      let analysed = false;

      const commit = async (batch: Batch, lane: Lane) => {
        await deps.db.transaction(async (tx) => {
          const c = await commitBatch(tx, scope, job, batch, lane);
          created += c.created;
          await tx
            .update(imports)
            .set({
              processedRows: sql`${imports.processedRows} + ${batch.rows}`,
              created: sql`${imports.created} + ${c.created}`,
              updated: sql`${imports.updated} + ${c.updated}`,
              skipped: sql`${imports.skipped} + ${c.skipped}`,
              failed: sql`${imports.failed} + ${c.failed}`,
            })
            .where(where);
        });
        if (!analysed && created > 0) {
          analysed = true;
          await analyzeIfStale(deps.db, created);
        }
      };
      // Batches in the database, oldest first, not yet known to be committed. On PostgreSQL with
      // "skip", two run at once on two connections (decision 015): batch N matches and COPYs while
      // batch N-1 is still being written, taking N-1's new records from N-1's plan, and commits
      // after it. Otherwise one at a time — PGlite has one connection, and "update" fills in
      // blanks whose outcome only the database knows. Meanwhile the next batch is read and
      // validated, a file chunk at a time, so the commits' own steps never wait long for the event
      // loop. A failure surfaces at the next await.
      const lanes = deps.database.kind === 'postgres' && job.options.duplicates === 'skip' ? 2 : 1;
      const flights: Flight[] = [];
      const submit = async (batch: Batch) => {
        // The second lane opens once the first batch is in and analysed: before that, the
        // statistics describe an empty table and the other lane's probes would be planned as
        // scans of it (seconds per batch instead of milliseconds).
        while (flights.length >= (analysed ? lanes : 1)) await flights.shift()!.committed;
        const previous = flights.at(-1) ?? null;
        // A batch that fails before its plan rejects its keys too, so a follower waiting for them
        // fails with it. With one lane nobody follows: no keys are collected.
        let planned: Lane['planned'] = null;
        let failed: (e: unknown) => void = () => undefined;
        const keys = new Promise<Map<string, string>>((resolve, reject) => {
          if (lanes > 1) planned = resolve;
          failed = reject;
        });
        const committed = commit(batch, { previous, planned });
        committed.catch(failed);
        keys.catch(() => undefined);
        const flight: Flight = { createdKeys: keys, committed };
        flights.push(flight);
      };

      try {
        let header = true;
        let batch = emptyBatch();
        for await (const recs of csvRecordChunks(
          deps.storage.get(imp.storageKey),
          imp.encoding as 'utf-8' | 'windows-1252',
        )) {
          for (const rec of recs) {
            if (header) {
              header = false;
              continue;
            }
            dataRow++;
            if (dataRow <= imp.processedRows) continue; // done in an earlier run
            reader.add(batch, dataRow + 1, rec.fields);
            if (batch.rows >= BATCH_ROWS) {
              const full = batch;
              batch = emptyBatch();
              await submit(full);
            }
          }
        }
        if (batch.rows) await submit(batch);
        for (const f of flights) await f.committed;
        // The completion and its audit event commit together.
        await deps.db.transaction(async (tx) => {
          const [done] = await tx
            .update(imports)
            .set({ status: 'completed', finishedAt: new Date() })
            .where(where)
            .returning();
          const acc = await accountBasics(tx, { accountId });
          const actor: SystemActor = { kind: 'system', accountId, accountPackage: acc!.package, ctx: {} };
          await recordAudit(tx, actor, {
            type: 'import.completed',
            subjectType: 'import',
            subjectId: importId,
            data: {
              fileName: done!.fileName,
              created: done!.created,
              updated: done!.updated,
              skipped: done!.skipped,
              failed: done!.failed,
              byUserId: imp.createdByUserId,
            },
          });
        });
      } catch (err) {
        // Never leave a batch running behind the status change.
        await Promise.allSettled(flights.map((f) => f.committed));
        // Retries resume from the last committed batch; after the last one it waits for a person.
        await deps.db
          .update(imports)
          .set({
            status: meta && !meta.isLastAttempt ? 'running' : 'failed',
            lastError: rootMessage(err).slice(0, 1000),
          })
          .where(where);
        throw err;
      }
    },
  };
}
