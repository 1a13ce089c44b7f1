import { isNull, type SQL, sql } from 'drizzle-orm';
import { pgTextArray, PreparedStatement } from '../../db/bulk-insert.ts';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import type { AccountScope } from '../access/index.ts';
import type { LeadValues } from './lead-fields.ts';

export type MatchedOn = 'email' | 'phone' | 'name+dateOfBirth';
export type Match = { id: string; matchedOn: MatchedOn };
export type MatchKey = { key: string; on: MatchedOn };

const MATCHED_ON: Record<string, MatchedOn> = { e: 'email', p: 'phone', n: 'name+dateOfBirth' };

/**
 * Pure: the keys a lead is matched on, in order of preference — email (any case), phone and cell
 * (either matches either), first name + last name (any case) + date of birth. Two leads with a key
 * in common are the same person. A key's first letter says what it is (e, p, n).
 */
export function leadKeys(v: LeadValues): string[] {
  const keys: string[] = [];
  if (v.email) keys.push(`e:${v.email.toLowerCase()}`);
  if (v.phone) keys.push(`p:${v.phone}`);
  if (v.cellPhone && v.cellPhone !== v.phone) keys.push(`p:${v.cellPhone}`);
  if (v.dateOfBirth && v.firstName && v.lastName)
    keys.push(`n:${v.firstName.toLowerCase()}|${v.lastName.toLowerCase()}|${v.dateOfBirth}`);
  return keys;
}

/** leadKeys, each with what it matches on. */
export const matchKeys = (v: LeadValues): MatchKey[] =>
  leadKeys(v).map((key) => ({ key, on: MATCHED_ON[key[0]!]! }));

/** A lead with its keys (leadKeys), worked out once where a lead is matched more than once. */
export type KeyedLead = { values: LeadValues; keys: string[] };

/** The account, then each list as a text[] literal (pgTextArray). */
type MatchValues = {
  account: string;
  emailKeys: string;
  emails: string;
  phoneKeys: string;
  phones: string;
  nameKeys: string;
  firsts: string;
  lasts: string;
  births: string;
};

/**
 * The match query, built once per kind: per wanted value, one live record with it — a LATERAL
 * probe of that key's own index (email, phone, cell, name + date of birth) that stops at the first
 * hit. Probes stay cheap however large the account is, where a hash join would read all of the
 * account's records for every import batch; no ORDER BY, so no plan can walk the account in date
 * order looking for a match. Empty arrays simply probe nothing.
 */
function matchStatement(kind: 'sales_record' | 'individual') {
  return new PreparedStatement<MatchValues, { key: string; id: string }>(`intake_match_${kind}`, () => {
    const t = kind === 'sales_record' ? salesRecords : individuals;
    const scope = { accountId: sql.placeholder('account') as unknown as string };
    const p = (name: keyof MatchValues) => sql`${sql.placeholder(name)}::text[]`;
    const probe = (cond: SQL) =>
      sql`(select ${t.id} as id from ${t} where ${inAccount(scope, t, cond, kind === 'sales_record' ? isNull(salesRecords.deletedAt) : undefined)} limit 1)`;
    return sql.join(
      [
        sql`select k.key, m.id from unnest(${p('emailKeys')}, ${p('emails')}) as k(key, v) cross join lateral ${probe(sql`lower(${t.email}) = lower(k.v)`)} as m`,
        sql`select k.key, m.id from unnest(${p('phoneKeys')}, ${p('phones')}) as k(key, v) cross join lateral ${probe(sql`${t.phone} = k.v`)} as m`,
        sql`select k.key, m.id from unnest(${p('phoneKeys')}, ${p('phones')}) as k(key, v) cross join lateral ${probe(sql`${t.cellPhone} = k.v`)} as m`,
        sql`select k.key, m.id from unnest(${p('nameKeys')}, ${p('firsts')}, ${p('lasts')}, ${p('births')}) as k(key, f, l, d) cross join lateral ${probe(sql`${t.dateOfBirth} = k.d::date and lower(${t.lastName}) = lower(k.l) and lower(${t.firstName}) = lower(k.f)`)} as m`,
      ],
      sql` union all `,
    );
  });
}
const MATCH = { sales_record: matchStatement('sales_record'), individual: matchStatement('individual') };

/**
 * Existing records (deleted Sales Records do not count) sharing a key with any of the leads, as
 * key (see leadKeys) → record id (one of them when several share a key). Values are compared as
 * given, case folded by the database's `lower()` on both sides. One prepared statement for any
 * number of leads — a batch of thousands costs one round trip and one index probe per distinct
 * value.
 */
export async function findMatches(
  tx: DbOrTx,
  scope: AccountScope,
  kind: 'sales_record' | 'individual',
  leads: KeyedLead[],
): Promise<Map<string, string>> {
  // Each key once, with the values to look up (as given: both sides are folded by lower()).
  const seen = new Set<string>();
  const emailKeys: string[] = [];
  const emails: string[] = [];
  const phoneKeys: string[] = [];
  const phones: string[] = [];
  const nameKeys: string[] = [];
  const firsts: string[] = [];
  const lasts: string[] = [];
  const births: string[] = [];
  for (const { values: v, keys } of leads) {
    for (const k of keys) {
      if (seen.has(k)) continue;
      seen.add(k);
      if (k[0] === 'e') {
        emailKeys.push(k);
        emails.push(v.email!);
      } else if (k[0] === 'p') {
        phoneKeys.push(k);
        phones.push(k.slice(2));
      } else {
        nameKeys.push(k);
        firsts.push(v.firstName!);
        lasts.push(v.lastName!);
        births.push(v.dateOfBirth!);
      }
    }
  }
  const found = new Map<string, string>();
  if (seen.size === 0) return found;
  const rows = await MATCH[kind].run(tx, {
    account: scope.accountId,
    emailKeys: pgTextArray(emailKeys),
    emails: pgTextArray(emails),
    phoneKeys: pgTextArray(phoneKeys),
    phones: pgTextArray(phones),
    nameKeys: pgTextArray(nameKeys),
    firsts: pgTextArray(firsts),
    lasts: pgTextArray(lasts),
    births: pgTextArray(births),
  });
  for (const r of rows) if (!found.has(r.key)) found.set(r.key, r.id);
  return found;
}

/** The existing record a lead matches, by its most preferred key (see matchKeys), or null. */
export async function findExistingRecord(
  tx: DbOrTx,
  scope: AccountScope,
  kind: 'sales_record' | 'individual',
  lead: LeadValues,
): Promise<Match | null> {
  const keys = matchKeys(lead);
  const found = await findMatches(tx, scope, kind, [{ values: lead, keys: keys.map((k) => k.key) }]);
  for (const k of keys) {
    const id = found.get(k.key);
    if (id) return { id, matchedOn: k.on };
  }
  return null;
}
