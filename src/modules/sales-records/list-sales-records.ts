import { createHash } from 'node:crypto';
import { asc, desc, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { authorize, type Actor } from '../access/index.ts';
import { withAgentNames } from '../agents/index.ts';
import { parsePersonQuery, prefixRange } from '../../lib/person-search.ts';
import { closedStatus, openStatus } from './open-status.ts';
import { salesRecords, TEMPERATURES, type Temperature } from './schema.ts';
import { type ScopeShape, scopeCondition, scopeInput } from './scope.ts';
import { DEFAULT_TEMPERATURE_PERIODS, type TemperaturePeriods, temperatureWindows } from './temperature.ts';

export const ListSalesRecordsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  recordTypeId: z.uuid().optional(),
  statusId: z.uuid().optional(),
  assignedUserId: z.uuid().optional(),
  assignedAgentId: z.uuid().optional(),
  temperature: z.enum(TEMPERATURES).optional(),
  createdFrom: z.iso.datetime().optional(),
  createdTo: z.iso.datetime().optional(),
  /** Custom field equality filters, `key:value`, repeatable. */
  cf: z
    .union([z.string().max(241), z.array(z.string().max(241)).max(10)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]{0,39}:.{0,200}$/, 'Use key:value.')).max(10))
    .optional(),
  sort: z.enum(['-createdAt', 'lastName']).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1, 'Not a valid cursor.').max(500).optional(),
});
type Query = z.infer<typeof ListSalesRecordsQuery>;

const NewestCursor = z.object({ t: z.iso.datetime(), id: z.uuid() });
const NameCursor = z.object({ l: z.string(), f: z.string(), id: z.uuid() });

const listColumns = {
  id: salesRecords.id,
  firstName: salesRecords.firstName,
  lastName: salesRecords.lastName,
  email: salesRecords.email,
  phone: salesRecords.phone,
  cellPhone: salesRecords.cellPhone,
  city: salesRecords.city,
  state: salesRecords.state,
  recordTypeId: salesRecords.recordTypeId,
  statusId: salesRecords.statusId,
  assignedUserId: salesRecords.assignedUserId,
  assignedAgentId: salesRecords.assignedAgentId,
  leadSource: salesRecords.leadSource,
  manualTemperature: salesRecords.manualTemperature,
  convertedAt: salesRecords.convertedAt,
  createdAt: salesRecords.createdAt,
  /** Closed status (no temperature): a probe per returned row, evaluated after the limit. */
  closed: sql<boolean>`${closedStatus(salesRecords)}`,
};

/**
 * How a search reads (the words are parameters): a phone, a phone's last digits, an email prefix,
 * or name prefixes (one word, also an email prefix when it looks like one: `name1e`).
 */
type SearchShape = 'phone' | 'phoneSuffix' | 'email' | 'name1' | 'name1e' | 'name2' | null;

/** Everything the SQL text of a list query depends on; the values are bound as parameters. */
type ListShape = {
  scope: ScopeShape | null;
  search: SearchShape;
  filters: string[];
  temperature: Temperature | null;
  cf: number;
  sort: Query['sort'];
  cursor: boolean;
};

type Search = { shape: SearchShape; params: Record<string, string> };

/** The list's form of a people search: its shape, and its values as parameters. */
function parseSearch(q: string | undefined): Search {
  const p = parsePersonQuery(q);
  if (!p) return { shape: null, params: {} };
  if (p.kind === 'phone') return { shape: 'phone', params: { phone: p.phone } };
  if (p.kind === 'phoneSuffix') return { shape: 'phoneSuffix', params: prefix('digits', p.reversedDigits) };
  if (p.kind === 'email') return { shape: 'email', params: prefix('email', p.prefix) };
  if (p.words.length === 2)
    return { shape: 'name2', params: { ...prefix('a', p.words[0]), ...prefix('b', p.words[1]) } };
  if (p.email)
    return { shape: 'name1e', params: { ...prefix('a', p.words[0]), ...prefix('email', p.email) } };
  return { shape: 'name1', params: prefix('a', p.words[0]) };
}

export { prefixRange };

function prefix(name: string, word: string): Record<string, string> {
  const r = prefixRange(word);
  return { [`${name}From`]: r.from, [`${name}To`]: r.to };
}

const FILTERS = [
  'recordTypeId',
  'statusId',
  'assignedUserId',
  'assignedAgentId',
  'createdFrom',
  'createdTo',
] as const;

const t = salesRecords;
const lowerLast = sql`lower(${t.lastName})`;
const lowerFirst = sql`lower(${t.firstName})`;
const lowerEmail = sql`lower(${t.email})`;
const ph = (name: string) => sql`${sql.placeholder(name)}`;
/** `column` starts with the placeholder prefix `name` (its From/To range, see prefixRange). */
const starts = (column: SQL, name: string) =>
  sql`${column} ~>=~ ${ph(`${name}From`)}::text and ${column} ~<~ ${ph(`${name}To`)}::text`;

/**
 * The query of one shape, with placeholders. A name search runs as a union of index-only scans on
 * the covering name indexes (last name, first name), keeps the page's ids, then reads those rows:
 * a common prefix matches thousands of rows in a big account, and only the page's 50 are read from
 * the table (docs/performance.md, "Lead list").
 */
function buildListQuery(db: Db, shape: ListShape) {
  const byName = shape.sort === 'lastName';
  const common: SQL[] = [sql`${t.accountId} = ${ph('account')}::uuid`, sql`${t.deletedAt} is null`];
  if (shape.scope) {
    common.push(scopeCondition(shape.scope, ph));
  }
  const f = new Set(shape.filters);
  if (f.has('recordTypeId')) common.push(sql`${t.recordTypeId} = ${ph('recordTypeId')}::uuid`);
  if (f.has('statusId')) common.push(sql`${t.statusId} = ${ph('statusId')}::uuid`);
  if (f.has('assignedUserId')) common.push(sql`${t.assignedUserId} = ${ph('assignedUserId')}::uuid`);
  if (f.has('assignedAgentId')) common.push(sql`${t.assignedAgentId} = ${ph('assignedAgentId')}::uuid`);
  if (f.has('createdFrom')) common.push(sql`${t.createdAt} >= ${ph('createdFrom')}::timestamptz`);
  if (f.has('createdTo')) common.push(sql`${t.createdAt} < ${ph('createdTo')}::timestamptz`);
  if (shape.temperature) {
    const tf = ph('tempFrom');
    const tt = ph('tempTo');
    const from = shape.temperature === 'cold' ? sql`` : sql` and ${t.createdAt} >= ${tf}::timestamptz`;
    const to = shape.temperature === 'hot' ? sql`` : sql` and ${t.createdAt} < ${tt}::timestamptz`;
    // A closed record has no temperature, so no temperature filter finds it.
    common.push(
      sql`(${t.manualTemperature} = ${ph('temperature')} or (${t.manualTemperature} is null${from}${to})) and ${openStatus(t)}`,
    );
  }
  for (let i = 0; i < shape.cf; i++) {
    common.push(sql`${t.customFields} ->> ${ph(`cfKey${i}`)}::text = ${ph(`cfValue${i}`)}`);
  }
  if (shape.cursor) {
    common.push(
      byName
        ? sql`(${lowerLast}, ${lowerFirst}, ${t.id}) > (${ph('cursorL')}, ${ph('cursorF')}, ${ph('cursorId')}::uuid)`
        : sql`(${t.createdAt}, ${t.id}) < (${ph('cursorT')}::timestamptz, ${ph('cursorId')}::uuid)`,
    );
  }
  const order = byName ? [asc(lowerLast), asc(lowerFirst), asc(t.id)] : [desc(t.createdAt), desc(t.id)];

  if (shape.search === 'name1' || shape.search === 'name1e' || shape.search === 'name2') {
    // The email branch is not index-only (the email index covers nothing), but a word that looks
    // like an address (`dorothy.johnson58`) starts few of them.
    const branches =
      shape.search === 'name1'
        ? [starts(lowerLast, 'a'), starts(lowerFirst, 'a')]
        : shape.search === 'name1e'
          ? [starts(lowerLast, 'a'), starts(lowerFirst, 'a'), starts(lowerEmail, 'email')]
          : [
              sql`${starts(lowerFirst, 'a')} and ${starts(lowerLast, 'b')}`,
              sql`${starts(lowerLast, 'a')} and ${starts(lowerFirst, 'b')}`,
            ];
    const keys = byName
      ? sql`${t.id} as id, ${lowerLast} as l, ${lowerFirst} as f`
      : sql`${t.id} as id, ${t.createdAt} as c`;
    const where = sql.join(common, sql` and `);
    const union = sql.join(
      branches.map((b) => sql`(select ${keys} from ${t} where ${where} and ${b})`),
      sql` union `,
    );
    const pageOrder = byName ? sql`l, f, id` : sql`c desc, id desc`;
    const page = sql`(${union} order by ${pageOrder} limit ${ph('limit')})`;
    return (
      db
        .select(listColumns)
        .from(t)
        .innerJoin(sql`${page} as page`, sql`${t.accountId} = ${ph('account')}::uuid and ${t.id} = page.id`)
        .orderBy(...order)
        // Named: each connection prepares it once and PostgreSQL may keep a generic plan (the
        // prefix is an index range, so a generic plan still uses the covering name indexes).
        .prepare(
          `openams_list_${createHash('sha1').update(JSON.stringify(shape)).digest('hex').slice(0, 16)}`,
        )
    );
  }
  if (shape.search === 'phone')
    common.push(sql`(${t.phone} = ${ph('phone')} or ${t.cellPhone} = ${ph('phone')})`);
  // The last digits of a phone: a prefix of the reversed number (the reversed-phone indexes).
  if (shape.search === 'phoneSuffix')
    common.push(
      sql`(${starts(sql`reverse(${t.phone})`, 'digits')} or ${starts(sql`reverse(${t.cellPhone})`, 'digits')})`,
    );
  if (shape.search === 'email') common.push(starts(lowerEmail, 'email'));
  return db
    .select(listColumns)
    .from(t)
    .where(sql.join(common, sql` and `))
    .orderBy(...order)
    .limit(sql.placeholder('limit'))
    .prepare('');
}

/** Built queries by shape, per database (unnamed statements: PostgreSQL still plans each one). */
const queries = new WeakMap<Db, Map<string, ReturnType<typeof buildListQuery>>>();
const MAX_SHAPES = 500;

/**
 * The lead list: the actor's scope (Record Type Access, Record Access, Accessible Agents) plus
 * filters, search and a keyset cursor, so every page costs one index range scan. The SQL text of
 * each shape of request is built once; values are parameters.
 */
export async function listSalesRecords(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; query: Query; periods?: TemperaturePeriods; now?: Date },
) {
  const { actor, query } = opts;
  authorize(actor, 'sales_record.view');
  const now = opts.now ?? new Date();
  const periods = opts.periods ?? DEFAULT_TEMPERATURE_PERIODS;
  const byName = query.sort === 'lastName';
  const scope = scopeInput(actor);
  const search = parseSearch(query.q);
  const params: Record<string, unknown> = {
    account: actor.accountId,
    limit: query.limit + 1,
    ...search.params,
  };
  if (scope) Object.assign(params, scope.params);
  const filters = FILTERS.filter((k) => query[k] !== undefined);
  for (const k of filters) params[k] = query[k];
  const windows = temperatureWindows(now, periods);
  if (query.temperature) {
    params.temperature = query.temperature;
    params.tempFrom = windows[query.temperature].from?.toISOString();
    params.tempTo = windows[query.temperature].to?.toISOString();
  }
  (query.cf ?? []).forEach((c, i) => {
    const at = c.indexOf(':');
    params[`cfKey${i}`] = c.slice(0, at);
    params[`cfValue${i}`] = c.slice(at + 1);
  });
  if (query.cursor) {
    if (byName) {
      const c = decodeCursor(query.cursor, NameCursor);
      Object.assign(params, { cursorL: c.l, cursorF: c.f, cursorId: c.id });
    } else {
      const c = decodeCursor(query.cursor, NewestCursor);
      Object.assign(params, { cursorT: c.t, cursorId: c.id });
    }
  }
  const shape: ListShape = {
    scope: scope?.shape ?? null,
    search: search.shape,
    filters,
    temperature: query.temperature ?? null,
    cf: query.cf?.length ?? 0,
    sort: query.sort,
    cursor: query.cursor !== undefined,
  };
  const key = JSON.stringify(shape);
  let cache = queries.get(deps.db);
  if (!cache) queries.set(deps.db, (cache = new Map()));
  let prepared = cache.get(key);
  if (!prepared) {
    if (cache.size >= MAX_SHAPES) cache.clear();
    cache.set(key, (prepared = buildListQuery(deps.db, shape)));
  }
  const rows = await prepared.execute(params);

  const items = rows
    .slice(0, query.limit)
    .map(({ closed, ...r }) => ({ ...r, temperature: closed ? null : temperatureIn(windows, r) }));
  const tail = items.at(-1);
  const nextCursor =
    rows.length > query.limit && tail
      ? byName
        ? encodeCursor({ l: tail.lastName.toLowerCase(), f: tail.firstName.toLowerCase(), id: tail.id })
        : encodeCursor({ t: tail.createdAt.toISOString(), id: tail.id })
      : null;
  return {
    items: await withAgentNames(deps.db, actor, items, 'assignedAgentId', 'assignedAgentName'),
    nextCursor,
  };
}

/** A row's temperature from the windows the filter uses, so a row always shows what it filters as. */
function temperatureIn(
  windows: ReturnType<typeof temperatureWindows>,
  r: { createdAt: Date; manualTemperature: Temperature | null },
): Temperature {
  if (r.manualTemperature) return r.manualTemperature;
  for (const temp of TEMPERATURES) {
    const w = windows[temp];
    if ((!w.from || r.createdAt >= w.from) && (!w.to || r.createdAt < w.to)) return temp;
  }
  return 'cold';
}
