import { and, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { toE164 } from './phone.ts';

type PersonColumns = {
  firstName: PgColumn;
  lastName: PgColumn;
  email: PgColumn;
  phone: PgColumn;
  cellPhone: PgColumn;
};

/** What a user typed in a people search box, read once for every list that searches people. */
export type PersonQuery =
  | { kind: 'phone'; phone: string }
  | { kind: 'email'; prefix: string }
  | { kind: 'name'; words: [string] | [string, string] };

/**
 * A phone number in any format (normalised to E.164), an email prefix (it has an @), or name
 * prefixes — one word, or the first and last of several. Lower-cased, LIKE wildcards removed;
 * null when nothing searchable is left.
 */
export function parsePersonQuery(q: string | undefined): PersonQuery | null {
  if (!q) return null;
  const phone = toE164(q);
  if (phone) return { kind: 'phone', phone };
  const s = q
    .toLowerCase()
    .replace(/[%_\\]/g, '')
    .trim();
  if (!s) return null;
  if (s.includes('@')) return { kind: 'email', prefix: s };
  const words = s.split(/\s+/);
  return { kind: 'name', words: words.length >= 2 ? [words[0]!, words.at(-1)!] : [words[0]!] };
}

/**
 * Search people (Sales Records, Individuals) by what a user types: phone on phone or cell, email
 * prefix, one word on first or last name, two words as first + last in either order. Each form
 * uses its own index.
 */
export function personSearch(t: PersonColumns, q: string): SQL | undefined {
  const p = parsePersonQuery(q);
  if (!p) return undefined;
  if (p.kind === 'phone') return or(eq(t.phone, p.phone), eq(t.cellPhone, p.phone));
  if (p.kind === 'email') return like(sql`lower(${t.email})`, `${p.prefix}%`);
  const first = sql`lower(${t.firstName})`;
  const last = sql`lower(${t.lastName})`;
  if (p.words.length === 2) {
    const [a, b] = p.words;
    return or(and(like(first, `${a}%`), like(last, `${b}%`)), and(like(last, `${a}%`), like(first, `${b}%`)));
  }
  return or(like(last, `${p.words[0]}%`), like(first, `${p.words[0]}%`));
}
