import type { Readable } from 'node:stream';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/require.ts';
import { FileTooLargeError } from '../files/storage.ts';
import { LEAD_FIELDS, NOTE_HEADING } from '../intake/lead-fields.ts';
import { CsvSyntaxError } from './csv.ts';
import { sniffEncoding } from './decode.ts';
import { csvRecords, headOf } from './read-file.ts';
import { type ColumnMapping, imports } from './schema.ts';

export const PREVIEW_ROWS = 10;
const byHeading = new Map<string, string>(LEAD_FIELDS.map((f) => [f.heading, f.key]));

/** Pure: the suggested target of each heading — exact documented headings only; "Note…" columns become notes. */
export function suggestMapping(headings: string[]): ColumnMapping {
  return headings.map((heading) => ({
    heading,
    target:
      byHeading.get(heading) ??
      (heading === NOTE_HEADING || /^Note \d+$/.test(heading) ? 'note' : 'unmapped'),
  }));
}

/**
 * Step 1: upload. The file is streamed to storage, its encoding checked (UTF-8, or Windows-1252
 * converted), and read once to count rows and show the first ones with the suggested mapping.
 */
export async function uploadImport(deps: Deps, opts: { actor: Actor; filename: string; body: Readable }) {
  const { actor } = opts;
  authorize(actor, 'sales_record.import');
  let stored;
  try {
    stored = await deps.storage.put(actor.accountId, opts.body, deps.config.importMaxBytes);
  } catch (e) {
    if (e instanceof FileTooLargeError) {
      opts.body.resume();
      throw new AppError(
        'validation',
        `The file is larger than the ${Math.round(deps.config.importMaxBytes / 1024 / 1024)} MB import limit; split it into smaller files.`,
        {
          errors: [{ path: 'file', message: 'Too large.' }],
        },
      );
    }
    throw e;
  }
  const refuse = async (message: string, line?: number) => {
    await deps.storage.delete(stored.key).catch(() => undefined);
    return new AppError('validation', message, {
      errors: [{ path: line ? `line ${line}` : 'file', message }],
    });
  };
  const sniffed = sniffEncoding(await headOf(deps.storage.get(stored.key), 64 * 1024));
  if (sniffed.kind === 'binary') throw await refuse(sniffed.reason);
  if (!/\.(csv|txt)$/i.test(opts.filename)) throw await refuse('Upload a .csv file.');

  let headings: string[] | null = null;
  const preview: string[][] = [];
  let rows = 0;
  try {
    for await (const rec of csvRecords(deps.storage.get(stored.key), sniffed.encoding)) {
      if (!headings) headings = rec.fields.map((h) => h.trim());
      else {
        rows++;
        if (preview.length < PREVIEW_ROWS) preview.push(rec.fields);
      }
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw await refuse(e.message, e.line);
    throw e;
  }
  if (!headings || headings.every((h) => h === ''))
    throw await refuse('The file is empty: the first line must hold the column headings.');
  if (rows === 0) throw await refuse('The file has headings but no rows.');

  const id = newId();
  const mapping = suggestMapping(headings);
  await deps.db.insert(imports).values({
    accountId: actor.accountId,
    id,
    createdByUserId: actor.kind === 'user' ? actor.userId : null,
    fileName: opts.filename.slice(0, 200),
    storageKey: stored.key,
    sizeBytes: stored.sizeBytes,
    encoding: sniffed.encoding,
    status: 'uploaded',
    headings,
    mapping,
    totalRows: rows,
  });
  return {
    id,
    fileName: opts.filename,
    encoding: sniffed.encoding,
    totalRows: rows,
    headings,
    suggestedMapping: mapping,
    preview,
  };
}
