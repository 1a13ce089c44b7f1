import { deflateSync, inflateSync } from 'node:zlib';

/**
 * A fast path for the signature image: an 8-bit, non-interlaced RGB or RGBA PNG (what a canvas's
 * toDataURL gives) decoded with Node's zlib and split into colour and alpha planes, each deflated
 * natively for the PDF. pdf-lib's own PNG embedder does the same in JavaScript (pako) and took
 * ~50 ms for a 600 × 160 drawing; this takes a few. Anything else returns null (the caller falls
 * back to pdf-lib).
 */
export type DecodedPng = { width: number; height: number; rgb: Buffer; alpha: Buffer | null };

export function decodeSimplePng(png: Uint8Array): DecodedPng | null {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (pos + 8 <= b.length) {
    const len = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    const data = b.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      colorType = data[9]!;
      const interlace = data[12];
      if (depth !== 8 || interlace !== 0 || (colorType !== 6 && colorType !== 2)) return null;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (!width || !height || idat.length === 0 || width * height > 4_000_000) return null;
  const channels = colorType === 6 ? 4 : 3;
  const stride = width * channels;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return null;
  }
  if (raw.length < (stride + 1) * height) return null;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    const prev = dst - stride;
    for (let x = 0; x < stride; x++) {
      const v = raw[src + x]!;
      const a = x >= channels ? out[dst + x - channels]! : 0;
      const up = y > 0 ? out[prev + x]! : 0;
      const c = y > 0 && x >= channels ? out[prev + x - channels]! : 0;
      let r: number;
      switch (filter) {
        case 0:
          r = v;
          break;
        case 1:
          r = v + a;
          break;
        case 2:
          r = v + up;
          break;
        case 3:
          r = v + ((a + up) >> 1);
          break;
        case 4: {
          const p = a + up - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - c);
          r = v + (pa <= pb && pa <= pc ? a : pb <= pc ? up : c);
          break;
        }
        default:
          return null;
      }
      out[dst + x] = r & 0xff;
    }
  }
  if (channels === 3) return { width, height, rgb: deflateSync(out, { level: 6 }), alpha: null };
  const rgb = Buffer.alloc(width * height * 3);
  const alpha = Buffer.alloc(width * height);
  for (let i = 0, j = 0, k = 0; i < out.length; i += 4, j += 3, k++) {
    rgb[j] = out[i]!;
    rgb[j + 1] = out[i + 1]!;
    rgb[j + 2] = out[i + 2]!;
    alpha[k] = out[i + 3]!;
  }
  return { width, height, rgb: deflateSync(rgb, { level: 6 }), alpha: deflateSync(alpha, { level: 6 }) };
}
