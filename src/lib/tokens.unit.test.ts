import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';
import { accountIdOfToken, mintAccountToken, safeEqual, sha256 } from './tokens.ts';

describe('account tokens', () => {
  it('carry their account id and differ every time', () => {
    const id = newId();
    const a = mintAccountToken(id);
    const b = mintAccountToken(id);
    expect(a).not.toBe(b);
    expect(accountIdOfToken(a)).toBe(id);
    expect(a).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });

  it('reject what is not a token', () => {
    for (const s of ['', 'abc', 'A'.repeat(39), 'A'.repeat(201), `${'A'.repeat(50)}!`, '%%%%'.repeat(20)]) {
      expect(accountIdOfToken(s)).toBeNull();
    }
  });

  it('hash and compare', () => {
    // Known digests (FIPS 180-2 test vector "abc"; `printf x | sha256sum`), lower-case hex.
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('x')).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
