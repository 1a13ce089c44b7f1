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

/**
 * The parser's rules written the plainest way, one character at a time (its first version): the
 * reference the fast parser is checked against on random input.
 */
function referenceParse(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let started = false; // the current field has begun (a character or an opening quote)
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    if (fields.length === 0 && field === '' && !started) return;
    out.push({ line: recordLine, fields: [...fields, field] });
    fields = [];
    field = '';
    started = false;
  };
  const chars = [...text.replace(/^\uFEFF/, '')];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (inQuotes) {
      if (c === '"' && chars[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && !started) {
      inQuotes = true;
      started = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      started = false;
    } else if (c === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else if (c !== '\r') {
      field += c;
      started = true;
    }
  }
  if (inQuotes) throw new CsvSyntaxError('never closed', recordLine);
  endRecord();
  return out;
}

describe('CSV parser against the character-at-a-time reference', () => {
  // A small deterministic generator (mulberry32), so a failure can be replayed from its seed.
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = ['a', 'b', 'é', ' ', ',', '"', '""', '\n', '\r\n', '\r', 'xyz', '\uFEFF'];

  for (let seed = 1; seed <= 300; seed++) {
    it(`random input ${seed}`, () => {
      const r = random(seed);
      const text =
        (r() < 0.1 ? '\uFEFF' : '') +
        Array.from({ length: Math.floor(r() * 60) }, () => alphabet[Math.floor(r() * alphabet.length)]).join(
          '',
        );
      let expected: { line: number; fields: string[] }[] | 'error';
      try {
        expected = referenceParse(text);
      } catch {
        expected = 'error';
      }
      // Whole, and cut into random chunks (boundaries inside quotes, between "" and at CRLF).
      const cuts: string[][] = [[text], []];
      for (let i = 0; i < text.length;) {
        const len = 1 + Math.floor(r() * 5);
        cuts[1]!.push(text.slice(i, i + len));
        i += len;
      }
      for (const chunks of cuts) {
        const p = new CsvParser();
        let actual: { line: number; fields: string[] }[] | 'error';
        try {
          actual = [...chunks.flatMap((c) => p.push(c)), ...p.end()];
        } catch (e) {
          expect(e).toBeInstanceOf(CsvSyntaxError);
          actual = 'error';
        }
        expect(actual, JSON.stringify(chunks)).toEqual(expected);
      }
    });
  }
});
