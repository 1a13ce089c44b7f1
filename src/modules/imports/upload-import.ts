import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { authorize, type Actor } from '../access/index.ts';
import { FileTooLargeError, removeIfUnused } from '../files/index.ts';
import { LEAD_FIELDS, NOTE_HEADING } from '../intake/index.ts';
import { CsvParser, type CsvRecord, CsvSyntaxError } from './csv.ts';
import { type Sniffed, sniffEncoding } from './decode.ts';
import { type ColumnMapping, imports } from './schema.ts';

export const PREVIEW_ROWS = 10;
const SNIFF_BYTES = 64 * 1024;
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
 * Watches an upload stream by on its way to storage: judges the encoding from the first 64 KiB,
 * then decodes and parses as the bytes arrive, counting records and keeping the headings and the
 * first rows — so the file is read once, while it is received.
 */
class CsvWatcher extends Transform {
  sniffed: Sniffed | null = null;
  headings: string[] | null = null;
  readonly preview: string[][] = [];
  /** Each preview row's number as a spreadsheet shows it (the headings are row 1), as the error report numbers rows. */
  readonly previewRows: number[] = [];
  rows = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private decoder: TextDecoder | null = null;
  private readonly parser = new CsvParser();

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    if (this.sniffed) this.feed(chunk);
    else {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes >= SNIFF_BYTES) this.sniff();
    }
    cb(null, chunk);
  }

  private sniff() {
    const all = Buffer.concat(this.head);
    this.head = [];
    this.sniffed = sniffEncoding(all.subarray(0, SNIFF_BYTES));
    if (this.sniffed.kind === 'text') this.decoder = new TextDecoder(this.sniffed.encoding);
    this.feed(all);
  }

  private feed(bytes: Buffer) {
    if (this.decoder) this.count(this.parser.push(this.decoder.decode(bytes, { stream: true })));
  }

  private count(records: CsvRecord[]) {
    for (const rec of records) {
      if (!this.headings) this.headings = rec.fields.map((h) => h.trim());
      else {
        this.rows++;
        if (this.preview.length < PREVIEW_ROWS) {
          this.preview.push(rec.fields);
          this.previewRows.push(this.rows + 1);
        }
      }
    }
  }

  /** After the last byte: the encoding, and the last records (throws CsvSyntaxError). */
  finish(): Sniffed {
    if (!this.sniffed) this.sniff();
    if (this.decoder) {
      this.count(this.parser.push(this.decoder.decode()));
      this.count(this.parser.end());
    }
    return this.sniffed!;
  }
}

/**
 * Step 1: upload. The file is streamed to storage and, on the way, its encoding checked (UTF-8,
 * or Windows-1252 converted) and its records counted, keeping the first ones for the preview with
 * the suggested mapping.
 */
export async function uploadImport(deps: Deps, opts: { actor: Actor; filename: string; body: Readable }) {
  const { actor } = opts;
  authorize(actor, 'sales_record.import');
  const watcher = new CsvWatcher();
  opts.body.on('error', (e) => watcher.destroy(e));
  let stored;
  try {
    stored = await deps.storage.put(actor.accountId, opts.body.pipe(watcher), deps.config.importMaxBytes);
  } catch (e) {
    if (e instanceof FileTooLargeError) {
      opts.body.unpipe(watcher);
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
    // On disk identical bytes share a key: a record's attachment may hold these bytes too.
    await removeIfUnused(deps, actor, stored.key).catch(() => undefined);
    return new AppError('validation', message, {
      errors: [{ path: line ? `line ${line}` : 'file', message }],
    });
  };
  let sniffed: Sniffed;
  let syntaxError: CsvSyntaxError | null = null;
  try {
    sniffed = watcher.finish();
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    sniffed = watcher.sniffed!;
    syntaxError = e;
  }
  if (sniffed.kind === 'binary') throw await refuse(sniffed.reason);
  if (!/\.(csv|txt)$/i.test(opts.filename)) throw await refuse('Upload a .csv file.');
  if (syntaxError) throw await refuse(syntaxError.message, syntaxError.line);
  const { headings, preview, previewRows, rows } = watcher;
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
    previewRows,
  };
}
