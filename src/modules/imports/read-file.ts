import type { Readable } from 'node:stream';
import { CsvParser, type CsvRecord } from './csv.ts';

/**
 * Stream a stored CSV as records, decoding UTF-8 or Windows-1252 on the way; memory stays bounded.
 * Yields the records each chunk of the file completed, as one array (one await per chunk, not per
 * record).
 */
export async function* csvRecordChunks(
  body: Readable,
  encoding: 'utf-8' | 'windows-1252',
): AsyncGenerator<CsvRecord[]> {
  const decoder = new TextDecoder(encoding);
  const parser = new CsvParser();
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const recs = parser.push(decoder.decode(chunk, { stream: true }));
    if (recs.length) yield recs;
  }
  const rest = [...parser.push(decoder.decode()), ...parser.end()];
  if (rest.length) yield rest;
}
