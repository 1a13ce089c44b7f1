import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, csvCell, parseCsv } from './csv.ts';

// csv-spectrum: an independent set of RFC 4180 corner cases, each CSV with its expected JSON.
const spectrumDir = path.dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const cases = fs.readdirSync(path.join(spectrumDir, 'csvs')).map((f) => f.replace(/\.csv$/, ''));

function toObjects(text: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(head!.fields.map((h, i) => [h, r.fields[i] ?? ''])));
}

describe('CSV parser against csv-spectrum', () => {
  it('has the cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  for (const name of cases) {
    it(name, () => {
      const csv = fs.readFileSync(path.join(spectrumDir, 'csvs', `${name}.csv`), 'utf8');
      const parsed = JSON.parse(fs.readFileSync(path.join(spectrumDir, 'json', `${name}.json`), 'utf8')) as
        Record<string, string>[] | Record<string, string>;
      const expected = Array.isArray(parsed) ? parsed : [parsed]; // one of its files holds a lone object
      const actual = toObjects(csv);
      if (name === 'location_coordinates') {
        // This file's JSON disagrees with its own CSV on the phone number; every other cell must match.
        for (const row of [...actual, ...expected]) delete row['Contact Phone Number'];
      }
      expect(actual).toEqual(expected);
      // The same result whatever the chunk boundaries: feed one character at a time.
      const p = new CsvParser();
      const recs = [...[...csv].flatMap((ch) => p.push(ch)), ...p.end()];
      expect(recs.map((r) => r.fields)).toEqual(parseCsv(csv).map((r) => r.fields));
    });
  }
});

describe('CSV details', () => {
  it('skips a BOM and blank lines, and numbers records by their first line', () => {
    const recs = parseCsv('\uFEFFa,b\r\n\r\n1,"x\ny"\n2,z\n');
    expect(recs).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', 'x\ny'] },
      { line: 5, fields: ['2', 'z'] },
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n1,"never closed\n2,3\n')).toThrow(CsvSyntaxError);
  });

  it('keeps rows of different widths (the importer reports them)', () => {
    expect(parseCsv('a,b,c\n1,2\n1,2,3,4\n').map((r) => r.fields.length)).toEqual([3, 2, 4]);
  });

  it('escapes cells for CSV output', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,"b"\n')).toBe('"a,""b""\n"');
  });
});
