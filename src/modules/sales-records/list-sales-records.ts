import { and, asc, desc, eq, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { personSearch } from '../records/person-search.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/require.ts';
import { salesRecords, TEMPERATURES, type Temperature } from './schema.ts';
import { salesRecordScope } from './scope.ts';
import {
  DEFAULT_TEMPERATURE_PERIODS,
  temperatureOf,
  type TemperaturePeriods,
  temperatureWindows,
} from './temperature.ts';

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
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]{0,39}:.{0,200}$/, 'Use key:value.')).max(10))
    .optional(),
  sort: z.enum(['-createdAt', 'lastName']).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
type Query = z.infer<typeof ListSalesRecordsQuery>;

const NewestCursor = z.object({ t: z.iso.datetime(), id: z.uuid() });
const NameCursor = z.object({ l: z.string(), f: z.string(), id: z.uuid() });

/** Search: a phone in any format (normalised), an email prefix, or name prefixes ("ann", "ann smi"). */
export const searchCondition = (q: string): SQL | undefined => personSearch(salesRecords, q);

function temperatureCondition(t: Temperature, now: Date, periods: TemperaturePeriods): SQL {
  const w = temperatureWindows(now, periods)[t];
  const computed = and(
    isNull(salesRecords.manualTemperature),
    w.from ? gte(salesRecords.createdAt, w.from) : undefined,
    w.to ? lt(salesRecords.createdAt, w.to) : undefined,
  );
  return or(eq(salesRecords.manualTemperature, t), computed)!;
}

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
};

/**
 * The lead list: the actor's scope (Record Type Access, Record Access, Accessible Agents) plus
 * filters, search and a keyset cursor, so every page costs one index range scan.
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
  const last = sql`lower(${salesRecords.lastName})`;
  const first = sql`lower(${salesRecords.firstName})`;
  let after: SQL | undefined;
  if (query.cursor) {
    if (byName) {
      const c = decodeCursor(query.cursor, NameCursor);
      after = sql`(${last}, ${first}, ${salesRecords.id}) > (${c.l}, ${c.f}, ${c.id})`;
    } else {
      const c = decodeCursor(query.cursor, NewestCursor);
      after = sql`(${salesRecords.createdAt}, ${salesRecords.id}) < (${new Date(c.t)}, ${c.id})`;
    }
  }
  const rows = await deps.db
    .select(listColumns)
    .from(salesRecords)
    .where(
      inAccount(
        actor,
        salesRecords,
        isNull(salesRecords.deletedAt),
        salesRecordScope(actor),
        query.q ? searchCondition(query.q) : undefined,
        query.recordTypeId ? eq(salesRecords.recordTypeId, query.recordTypeId) : undefined,
        query.statusId ? eq(salesRecords.statusId, query.statusId) : undefined,
        query.assignedUserId ? eq(salesRecords.assignedUserId, query.assignedUserId) : undefined,
        query.assignedAgentId ? eq(salesRecords.assignedAgentId, query.assignedAgentId) : undefined,
        query.temperature ? temperatureCondition(query.temperature, now, periods) : undefined,
        query.createdFrom ? gte(salesRecords.createdAt, new Date(query.createdFrom)) : undefined,
        query.createdTo ? lt(salesRecords.createdAt, new Date(query.createdTo)) : undefined,
        ...(query.cf ?? []).map((f) => {
          const i = f.indexOf(':');
          return sql`${salesRecords.customFields} ->> ${f.slice(0, i)} = ${f.slice(i + 1)}`;
        }),
        after,
      ),
    )
    .orderBy(
      ...(byName
        ? [asc(last), asc(first), asc(salesRecords.id)]
        : [desc(salesRecords.createdAt), desc(salesRecords.id)]),
    )
    .limit(query.limit + 1);
  const items = rows
    .slice(0, query.limit)
    .map((r) => ({ ...r, temperature: temperatureOf(r.createdAt, now, periods, r.manualTemperature) }));
  const tail = items.at(-1);
  const nextCursor =
    rows.length > query.limit && tail
      ? byName
        ? encodeCursor({ l: tail.lastName.toLowerCase(), f: tail.firstName.toLowerCase(), id: tail.id })
        : encodeCursor({ t: tail.createdAt.toISOString(), id: tail.id })
      : null;
  return { items, nextCursor };
}
