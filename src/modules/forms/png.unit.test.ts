import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeSimplePng } from './png.ts';

/** A PNG whose rows use the given filters (0–4), encoded here the way the PNG spec defines them. */
function encodePng(w: number, h: number, channels: 3 | 4, pixels: Buffer, filters: number[]) {
  const stride = w * channels;
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const f = filters[y % filters.length]!;
    const row = Buffer.alloc(stride + 1);
    row[0] = f;
    for (let x = 0; x < stride; x++) {
      const v = pixels[y * stride + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const pred = [
        0,
        a,
        b,
        (a + b) >> 1,
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c,
      ][f]!;
      row[x + 1] = (v - pred) & 0xff;
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type), data, Buffer.alloc(4)]); // CRC not checked by the decoder
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 4 ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the signature PNG fast path', () => {
  it.each([4, 3] as const)('decodes every row filter (%i channels) to the same pixels', (channels) => {
    const w = 17;
    const h = 10;
    const pixels = Buffer.alloc(w * h * channels);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + (i >> 3) * 11) & 0xff;
    const d = decodeSimplePng(encodePng(w, h, channels, pixels, [0, 1, 2, 3, 4]))!;
    expect(d).not.toBeNull();
    expect([d.width, d.height]).toEqual([w, h]);
    const rgb = inflateSync(d.rgb);
    for (let i = 0, j = 0; i < pixels.length; i += channels, j += 3) {
      expect([rgb[j], rgb[j + 1], rgb[j + 2]]).toEqual([pixels[i], pixels[i + 1], pixels[i + 2]]);
    }
    if (channels === 4) {
      const alpha = inflateSync(d.alpha!);
      for (let k = 0; k < w * h; k++) expect(alpha[k]).toBe(pixels[k * 4 + 3]);
    } else expect(d.alpha).toBeNull();
  });
  it('leaves other PNGs (palette, 16-bit, damaged) to pdf-lib', () => {
    const png = encodePng(2, 2, 4, Buffer.alloc(16), [0]);
    const palette = Buffer.from(png);
    palette[8 + 8 + 9] = 3;
    expect(decodeSimplePng(palette)).toBeNull();
    const deep = Buffer.from(png);
    deep[8 + 8 + 8] = 16;
    expect(decodeSimplePng(deep)).toBeNull();
    expect(decodeSimplePng(png.subarray(0, 40))).toBeNull();
  });
});
