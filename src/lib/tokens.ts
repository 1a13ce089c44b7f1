import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer secrets (session cookies, API keys, reset links) carry the id of the account they belong
 * to in their first 16 bytes, so the lookup is `(account_id, token_hash)` — a single-shard query
 * when tables are distributed by account — and only the SHA-256 of the whole token is stored.
 */
export function mintAccountToken(accountId: string, secretBytes = 32): string {
  const acc = Buffer.from(accountId.replace(/-/g, ''), 'hex');
  return Buffer.concat([acc, randomBytes(secretBytes)]).toString('base64url');
}

export function accountIdOfToken(token: string): string | null {
  if (token.length < 40 || token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < 32) return null;
  const hex = raw.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
