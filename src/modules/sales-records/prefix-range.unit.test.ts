import { describe, expect, it } from 'vitest';
import { prefixRange } from './list-sales-records.ts';

/** What "starts with" means, by the byte order of text_pattern_ops (UTF-8 order = code point order). */
const inRange = (s: string, r: { from: string; to: string }) =>
  Buffer.compare(Buffer.from(s), Buffer.from(r.from)) >= 0 &&
  Buffer.compare(Buffer.from(s), Buffer.from(r.to)) < 0;

describe('prefixRange', () => {
  it('is the half-open range of strings starting with the prefix', () => {
    expect(prefixRange('smi')).toEqual({ from: 'smi', to: 'smj' });
    const r = prefixRange('smi');
    for (const s of ['smi', 'smith', 'smiz', 'smi\u{10FFFF}'] as const) expect(inRange(s, r), s).toBe(true);
    for (const s of ['sm', 'smh', 'smj', 'sn', 'a', 'smJ'] as const) expect(inRange(s, r), s).toBe(false);
  });
  it('raises characters beyond ASCII by code point, skipping surrogates', () => {
    expect(prefixRange('josé')).toEqual({ from: 'josé', to: 'josê' });
    expect(inRange('josélito', prefixRange('josé'))).toBe(true);
    expect(prefixRange('a\u{D7FF}').to).toBe('a\u{E000}');
    expect(prefixRange('a\u{10FFFF}').to).toBe('b');
    expect(prefixRange('\u{10FFFF}').to).toBe('\u{10FFFF}\u{10FFFF}');
  });
});
