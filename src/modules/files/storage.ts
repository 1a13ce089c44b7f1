import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

/**
 * Where uploaded bytes live: the data directory (default) or an S3-compatible bucket
 * (`s3-storage.ts`), chosen by FILE_STORAGE. Both stream in and out; neither holds a whole file.
 */
export type FileStorage = {
  /** Stream `body` in; returns the key, size and SHA-256, or throws TooLarge past `maxBytes`. */
  put(
    accountId: string,
    body: Readable,
    maxBytes: number,
  ): Promise<{ key: string; sizeBytes: number; sha256: string; head: Buffer }>;
  /** The bytes under `key`; a missing object or a read failure errors the stream. */
  get(key: string): Readable;
  delete(key: string): Promise<void>;
};

export class FileTooLargeError extends Error {}

/**
 * A pass-through that counts, hashes and keeps the first bytes of what flows through it, and
 * fails with `FileTooLargeError` as soon as more than `maxBytes` have passed.
 */
export function meter(maxBytes: number) {
  const hash = createHash('sha256');
  const seen = { size: 0, head: Buffer.alloc(0) };
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen.size += chunk.length;
      if (seen.size > maxBytes) return cb(new FileTooLargeError(`larger than ${maxBytes} bytes`));
      if (seen.head.length < 16)
        seen.head = Buffer.concat([seen.head, chunk.subarray(0, 16 - seen.head.length)]);
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  return {
    stream,
    result: () => ({ sizeBytes: seen.size, sha256: hash.digest('hex'), head: seen.head }),
  };
}

/** Files under `<dataDir>/files/<account>/<sha256>`: content-addressed, written to a temp file first. */
export function diskStorage(root: string): FileStorage {
  return {
    async put(accountId, body, maxBytes) {
      const dir = path.join(root, accountId);
      fs.mkdirSync(dir, { recursive: true });
      const tmp = path.join(
        dir,
        `.upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      );
      const m = meter(maxBytes);
      const out = fs.createWriteStream(tmp, { flags: 'wx' });
      try {
        await pipeline(body, m.stream, out);
        const fd = fs.openSync(tmp, 'r');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
      } catch (e) {
        // The file may still be opening or flushing: remove it only once the stream has closed.
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
        fs.rmSync(tmp, { force: true });
        throw e;
      }
      const { sizeBytes, sha256, head } = m.result();
      const key = `${accountId}/${sha256}`;
      fs.renameSync(tmp, path.join(root, key));
      return { key, sizeBytes, sha256, head };
    },
    get: (key) => fs.createReadStream(path.join(root, key)),
    async delete(key) {
      fs.rmSync(path.join(root, key), { force: true });
    },
  };
}

/** File types accepted, by extension, with the leading bytes each must start with (when binary). */
export const ALLOWED_TYPES: Record<string, { mime: string; magic?: number[][] }> = {
  pdf: { mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  gif: { mime: 'image/gif', magic: [[0x47, 0x49, 0x46, 0x38]] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  doc: { mime: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { mime: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  csv: { mime: 'text/csv' },
  txt: { mime: 'text/plain' },
};

/** Pure: is this an accepted type, judged by extension and, for binary formats, by its first bytes? */
export function checkFileType(
  filename: string,
  head: Buffer,
): { ok: true; mime: string } | { ok: false; reason: string } {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const t = Object.hasOwn(ALLOWED_TYPES, ext) ? ALLOWED_TYPES[ext] : undefined;
  if (!t || !filename.includes('.'))
    return {
      ok: false,
      reason: `Files of type .${ext || '?'} are not accepted. Accepted: ${Object.keys(ALLOWED_TYPES).join(', ')}.`,
    };
  if (t.magic && !t.magic.some((m) => m.every((b, i) => head[i] === b)))
    return { ok: false, reason: `The file's content is not a real .${ext} file.` };
  if (!t.magic && head.includes(0)) return { ok: false, reason: `A .${ext} file must be text.` };
  return { ok: true, mime: t.mime };
}
