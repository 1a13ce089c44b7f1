import { and, or, type SQL, sql } from 'drizzle-orm';
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
  /** The last digits of a phone, reversed (the reversed-phone indexes read them as a prefix). */
  | { kind: 'phoneSuffix'; reversedDigits: string }
  | { kind: 'email'; prefix: string }
  /** Name prefixes; `email` when the one word could also be the start of an email address. */
  | { kind: 'name'; words: [string] | [string, string]; email?: string };

/** Fewest trailing digits that search phones: 3 would match one number in a thousand. */
export const MIN_PHONE_SUFFIX_DIGITS = 4;

/**
 * A phone number in any format (normalised to E.164); the last 4 or more digits of one, in any
 * formatting (`3344`, `201-3344`, `(555) 201-33`); an email prefix (it has an @); or name prefixes
 * — one word, or the first and last of several. A single word with a character names do not have
 * (a digit, `.`, `_`, `+`, `-`) also searches email addresses from their start, so
 * `dorothy.johnson58` finds dorothy.johnson58@example.com; a word of letters only is a name prefix
 * (an email search for it would read every address starting with a first name). Lower-cased; null
 * when nothing searchable is left. Fewer than 4 digits are not a phone search.
 */
export function parsePersonQuery(q: string | undefined): PersonQuery | null {
  if (!q) return null;
  const phone = toE164(q);
  if (phone) return { kind: 'phone', phone };
  const digits = q.trim().replace(/[\s().-]/g, '');
  if (/^\d+$/.test(digits) && digits.length >= MIN_PHONE_SUFFIX_DIGITS && digits.length <= 15)
    return { kind: 'phoneSuffix', reversedDigits: [...digits].reverse().join('') };
  const lower = q.toLowerCase().trim();
  if (lower.includes('@')) return { kind: 'email', prefix: lower };
  const s = lower.replace(/[%_\\]/g, '').trim();
  if (!s) return null;
  const words = s.split(/\s+/);
  if (words.length >= 2) return { kind: 'name', words: [words[0]!, words.at(-1)!] };
  return /[\d._+-]/.test(lower) && !/\s/.test(lower)
    ? { kind: 'name', words: [words[0]!], email: lower }
    : { kind: 'name', words: [words[0]!] };
}

/**
 * A prefix as the index range it means: `s` starts with `p` ⇔ `p ≤ s < next(p)` in byte order
 * (text_pattern_ops), where next(p) is `p` with its last character raised by one. Unlike a LIKE
 * pattern it needs no escaping, and a prepared, generic plan can still use the index.
 */
export function prefixRange(p: string): { from: string; to: string } {
  const chars = [...p];
  for (let i = chars.length - 1; i >= 0; i--) {
    let code = chars[i]!.codePointAt(0)! + 1;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xe000;
    if (code <= 0x10ffff) return { from: p, to: [...chars.slice(0, i), String.fromCodePoint(code)].join('') };
  }
  return { from: p, to: '\u{10FFFF}'.repeat(chars.length + 1) }; // only U+10FFFF (a noncharacter)
}

/** `expr` starts with `p` (a byte range the expression's text_pattern_ops index reads). */
const startsWith = (expr: SQL, p: string) => {
  const r = prefixRange(p);
  return sql`(${expr} ~>=~ ${r.from}::text and ${expr} ~<~ ${r.to}::text)`;
};

/**
 * Search people (Sales Records, Individuals) by what a user types: phone on phone or cell (whole,
 * or its last digits through the reversed-phone indexes), email prefix, one word on first or last
 * name (and email when it looks like one), two words as first + last in either order. Each form
 * uses its own index.
 */
export function personSearch(t: PersonColumns, q: string): SQL | undefined {
  const p = parsePersonQuery(q);
  if (!p) return undefined;
  if (p.kind === 'phone') return sql`(${t.phone} = ${p.phone} or ${t.cellPhone} = ${p.phone})`;
  if (p.kind === 'phoneSuffix')
    return or(
      startsWith(sql`reverse(${t.phone})`, p.reversedDigits),
      startsWith(sql`reverse(${t.cellPhone})`, p.reversedDigits),
    );
  const email = sql`lower(${t.email})`;
  if (p.kind === 'email') return startsWith(email, p.prefix);
  const first = sql`lower(${t.firstName})`;
  const last = sql`lower(${t.lastName})`;
  if (p.words.length === 2) {
    const [a, b] = p.words;
    return or(and(startsWith(first, a), startsWith(last, b)), and(startsWith(last, a), startsWith(first, b)));
  }
  return or(
    startsWith(last, p.words[0]),
    startsWith(first, p.words[0]),
    p.email ? startsWith(email, p.email) : undefined,
  );
}
