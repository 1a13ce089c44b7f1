import { describe, expect, it } from 'vitest';
import { isValidUtf8, sniffEncoding } from './decode.ts';

describe('encoding detection', () => {
  it('UTF-8, with or without BOM, including a character cut at the end', () => {
    expect(sniffEncoding(Buffer.from('First Name,Last Name\nJosé,Núñez\n'))).toEqual({
      kind: 'text',
      encoding: 'utf-8',
    });
    expect(sniffEncoding(Buffer.from('\uFEFFa,b\n'))).toEqual({ kind: 'text', encoding: 'utf-8' });
    expect(isValidUtf8(Buffer.from('ñ').subarray(0, 1))).toBe(true);
  });

  it('Windows-1252 (Excel on Windows) is detected for conversion', () => {
    const cp1252 = Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x4e, 0xfa, 0xf1, 0x65, 0x7a, 0x0a]); // José,Núñez
    expect(sniffEncoding(cp1252)).toEqual({ kind: 'text', encoding: 'windows-1252' });
    expect(new TextDecoder('windows-1252').decode(cp1252)).toBe('José,Núñez\n');
  });

  it('binary files, zips (xlsx) and UTF-16 are refused with a reason', () => {
    expect(sniffEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])).kind).toBe('binary');
    expect(sniffEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toMatchObject({
      kind: 'binary',
      reason: expect.stringMatching(/Excel/),
    });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({
      kind: 'binary',
      reason: expect.stringMatching(/UTF-16/),
    });
  });
});
