import { isNull, type SQL, sql } from 'drizzle-orm';
import { pgTextArray, PreparedStatement } from '../../db/bulk-insert.ts';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/actor.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import type { LeadValues } from './lead-fields.ts';

export type MatchedOn = 'email' | 'phone' | 'name+dateOfBirth';
export type Match = { id: string; matchedOn: MatchedOn };
export type MatchKey = { key: string; on: MatchedOn };

/**
 * Pure: the keys a lead is matched on, in order of preference — email (any case), phone and cell
 * (either matches either), first name + last name (any case) + date of birth. Two leads with a key
 * in common are the same person.
 */
export function matchKeys(v: LeadValues): MatchKey[] {
  const keys: MatchKey[] = [];
  if (v.email) keys.push({ key: `e:${v.email.toLowerCase()}`, on: 'email' });
  if (v.phone) keys.push({ key: `p:${v.phone}`, on: 'phone' });
  if (v.cellPhone && v.cellPhone !== v.phone) keys.push({ key: `p:${v.cellPhone}`, on: 'phone' });
  if (v.dateOfBirth && v.firstName && v.lastName)
    keys.push({
      key: `n:${v.firstName.toLowerCase()}|${v.lastName.toLowerCase()}|${v.dateOfBirth}`,
      on: 'name+dateOfBirth',
    });
  return keys;
}

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
 * key (see matchKeys) → record id (one of them when several share a key). Values are compared as
 * given, case folded by the database's `lower()` on both sides. One prepared statement for any
 * number of leads — a batch of thousands costs one round trip and one index probe per distinct
 * value.
 */
export async function findMatches(
  tx: DbOrTx,
  scope: AccountScope,
  kind: 'sales_record' | 'individual',
  leads: LeadValues[],
): Promise<Map<string, string>> {
  // key → the values to look up (as given: both sides are folded by the database's lower()).
  const emails = new Map<string, string>();
  const phones = new Map<string, string>();
  const names = new Map<string, [string, string, string]>();
  for (const v of leads) {
    if (v.email) emails.set(`e:${v.email.toLowerCase()}`, v.email);
    if (v.phone) phones.set(`p:${v.phone}`, v.phone);
    if (v.cellPhone) phones.set(`p:${v.cellPhone}`, v.cellPhone);
    if (v.dateOfBirth && v.firstName && v.lastName)
      names.set(`n:${v.firstName.toLowerCase()}|${v.lastName.toLowerCase()}|${v.dateOfBirth}`, [
        v.firstName,
        v.lastName,
        v.dateOfBirth,
      ]);
  }
  const found = new Map<string, string>();
  if (emails.size + phones.size + names.size === 0) return found;
  const n = [...names.values()];
  const rows = await MATCH[kind].run(tx, {
    account: scope.accountId,
    emailKeys: pgTextArray([...emails.keys()]),
    emails: pgTextArray([...emails.values()]),
    phoneKeys: pgTextArray([...phones.keys()]),
    phones: pgTextArray([...phones.values()]),
    nameKeys: pgTextArray([...names.keys()]),
    firsts: pgTextArray(n.map((x) => x[0])),
    lasts: pgTextArray(n.map((x) => x[1])),
    births: pgTextArray(n.map((x) => x[2])),
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
  const found = await findMatches(tx, scope, kind, [lead]);
  for (const k of matchKeys(lead)) {
    const id = found.get(k.key);
    if (id) return { id, matchedOn: k.on };
  }
  return null;
}
