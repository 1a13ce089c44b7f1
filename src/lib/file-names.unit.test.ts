import { describe, expect, it } from 'vitest';
import { safeFileName } from './file-names.ts';

describe('safeFileName', () => {
  it('strips every bidi control, so a name reads as what it is', () => {
    expect(safeFileName('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
    ])
      expect(safeFileName(`a${c}b.pdf`)).toBe('ab.pdf');
  });

  it('removes control characters and path separators, keeps other text, never returns empty', () => {
    expect(safeFileName('../etc/pass\u0000wd')).toBe('.._etc_passwd');
    expect(safeFileName('Résumé – 2026 😀.pdf')).toBe('Résumé – 2026 😀.pdf');
    expect(safeFileName('\u202e\u0000')).toBe('file');
    expect(safeFileName('x'.repeat(300))).toHaveLength(200);
  });
});
