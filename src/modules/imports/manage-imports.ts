import { and, asc, desc, eq } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { deleteRecordsOfImport } from '../sales-records/index.ts';
import { authorize, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { csvCell } from './csv.ts';
import { importErrors, imports } from './schema.ts';

const columns = {
  id: imports.id,
  fileName: imports.fileName,
  status: imports.status,
  encoding: imports.encoding,
  sizeBytes: imports.sizeBytes,
  headings: imports.headings,
  mapping: imports.mapping,
  options: imports.options,
  totalRows: imports.totalRows,
  processedRows: imports.processedRows,
  created: imports.created,
  updated: imports.updated,
  skipped: imports.skipped,
  failed: imports.failed,
  lastError: imports.lastError,
  createdByUserId: imports.createdByUserId,
  createdAt: imports.createdAt,
  startedAt: imports.startedAt,
  finishedAt: imports.finishedAt,
};

/** Import history of the account, newest first. */
export async function listImports(deps: Deps, opts: { actor: Actor }) {
  authorize(opts.actor, 'sales_record.import');
  return deps.db
    .select(columns)
    .from(imports)
    .where(inAccount(opts.actor, imports))
    .orderBy(desc(imports.createdAt))
    .limit(200);
}

/** One import with its progress (the UI polls this for the progress bar). */
export async function getImport(deps: Deps, opts: { actor: Actor; id: string }) {
  authorize(opts.actor, 'sales_record.import');
  const [row] = await deps.db
    .select(columns)
    .from(imports)
    .where(inAccount(opts.actor, imports, eq(imports.id, opts.id)));
  if (!row) throw notFound('Import');
  return row;
}

/**
 * The error report as CSV: row (numbered as the preview numbers it: headings row 1), column,
 * reason, then the row's cells as uploaded under the file's own headings, so a user sees the
 * values and can fix them in place.
 */
export async function importErrorReport(deps: Deps, opts: { actor: Actor; id: string }): Promise<string> {
  const { headings } = await getImport(deps, opts);
  const rows = await deps.db
    .select({
      row: importErrors.row,
      column: importErrors.column,
      reason: importErrors.reason,
      cells: importErrors.cells,
    })
    .from(importErrors)
    .where(and(eq(importErrors.accountId, opts.actor.accountId), eq(importErrors.importId, opts.id)))
    .orderBy(asc(importErrors.row));
  const line = (cells: (string | number)[]) => cells.map(csvCell).join(',');
  return (
    [
      line(['Row', 'Column', 'Reason', ...headings]),
      ...rows.map((r) => line([r.row, r.column, r.reason, ...(r.cells ?? [])])),
    ].join('\r\n') + '\r\n'
  );
}

/**
 * Roll back an import: remove the Sales Records it created (not ones converted since). Records it
 * only filled in (duplicates with "update") keep their new values; the history says so.
 */
export async function rollbackImport(deps: Deps, opts: { actor: Actor; id: string }) {
  const imp = await getImport(deps, opts);
  if (imp.status === 'running' || imp.status === 'queued')
    throw new AppError('conflict', 'The import is still running; wait for it to finish or fail.');
  if (imp.status === 'rolled_back') throw new AppError('conflict', 'This import was already rolled back.');
  return deps.db.transaction(async (tx) => {
    const removed = await deleteRecordsOfImport(tx, opts.actor, opts.id);
    await tx
      .update(imports)
      .set({ status: 'rolled_back', finishedAt: new Date() })
      .where(inAccount(opts.actor, imports, eq(imports.id, opts.id)));
    await recordAudit(tx, opts.actor, {
      type: 'import.rolled_back',
      subjectType: 'import',
      subjectId: opts.id,
      data: { removed },
    });
    return { removed };
  });
}
