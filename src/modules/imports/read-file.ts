import type { Readable } from 'node:stream';
import { CsvParser, type CsvRecord } from './csv.ts';

/** Stream a stored CSV as records, decoding UTF-8 or Windows-1252 on the way; memory stays bounded. */
export async function* csvRecords(
  body: Readable,
  encoding: 'utf-8' | 'windows-1252',
): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder(encoding);
  const parser = new CsvParser();
  for await (const chunk of body as AsyncIterable<Buffer>) {
    yield* parser.push(decoder.decode(chunk, { stream: true }));
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

/** The first `n` bytes of a stream (then stops reading). */
export async function headOf(body: Readable, n: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= n) break;
  }
  body.destroy();
  return Buffer.concat(parts).subarray(0, n);
}
