import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Opaque list cursors: base64url JSON of the last row's sort key. */
export const encodeCursor = (v: Record<string, string>): string =>
  Buffer.from(JSON.stringify(v)).toString('base64url');

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    /* fall through */
  }
  throw new AppError('validation', 'The cursor is not valid.', {
    errors: [{ path: 'query.cursor', message: 'Not a valid cursor.' }],
  });
}
