import { and, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { toE164 } from '../../lib/phone.ts';

type PersonColumns = {
  firstName: PgColumn;
  lastName: PgColumn;
  email: PgColumn;
  phone: PgColumn;
  cellPhone: PgColumn;
};

/**
 * Search people (Sales Records, Individuals) by what a user types: a phone number in any format
 * (normalised to E.164, matched on phone or cell), an email prefix, or name prefixes — one word on
 * first or last name, two words as first + last in either order. Each form uses its own index.
 */
export function personSearch(t: PersonColumns, q: string): SQL | undefined {
  const phone = toE164(q);
  if (phone) return or(eq(t.phone, phone), eq(t.cellPhone, phone));
  const s = q.toLowerCase().replace(/[%_\\]/g, '');
  if (!s) return undefined;
  if (s.includes('@')) return like(sql`lower(${t.email})`, `${s}%`);
  const words = s.split(/\s+/);
  const first = sql`lower(${t.firstName})`;
  const last = sql`lower(${t.lastName})`;
  if (words.length >= 2) {
    const [a, b] = [words[0]!, words.at(-1)!];
    return or(and(like(first, `${a}%`), like(last, `${b}%`)), and(like(last, `${a}%`), like(first, `${b}%`)));
  }
  return or(like(last, `${s}%`), like(first, `${s}%`));
}
