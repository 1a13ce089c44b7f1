import { TEMPERATURES, type Temperature } from '../../../components/temperature-badge';
import { dayOf, startOfDay } from '../../../lib/dates';
import type { ListQuery } from '../api/list-sales-records';

/**
 * The lead list's filters as they live in the address (so Back, reload and links keep them):
 * created dates are calendar days in the user's time zone; the API wants instants.
 */
export type LeadsSearch = {
  q?: string;
  recordTypeId?: string;
  statusId?: string;
  assignedUserId?: string;
  assignedAgentId?: string;
  temperature?: Temperature;
  createdFrom?: string;
  createdTo?: string;
  /** Custom pick-list filters, `key:value`. */
  cf?: string[];
  sort?: 'lastName';
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CF = /^[a-z][a-z0-9_]{0,39}:.{1,200}$/;

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function parseLeadsSearch(search: Record<string, unknown>): LeadsSearch {
  const out: LeadsSearch = {};
  const q = str(search.q)?.trim();
  if (q) out.q = q.slice(0, 100);
  for (const key of ['recordTypeId', 'statusId', 'assignedUserId', 'assignedAgentId'] as const) {
    const v = str(search[key]);
    if (v && UUID.test(v)) out[key] = v;
  }
  const t = str(search.temperature);
  if (t && (TEMPERATURES as readonly string[]).includes(t)) out.temperature = t as Temperature;
  for (const key of ['createdFrom', 'createdTo'] as const) {
    const v = str(search[key]);
    if (v && DAY.test(v)) out[key] = v;
  }
  const cf = (Array.isArray(search.cf) ? search.cf : [search.cf]).filter(
    (v): v is string => typeof v === 'string' && CF.test(v),
  );
  if (cf.length) out.cf = cf.slice(0, 10);
  if (search.sort === 'lastName') out.sort = 'lastName';
  return out;
}

/** The list query for the API: days become instants (from midnight; "to" includes that whole day). */
export function toListQuery(s: LeadsSearch, timeZone: string): ListQuery {
  const createdFrom = s.createdFrom ? startOfDay(s.createdFrom, timeZone) : null;
  const createdTo = s.createdTo ? startOfDay(s.createdTo, timeZone, 1) : null;
  return {
    ...(s.q ? { q: s.q } : {}),
    ...(s.recordTypeId ? { recordTypeId: s.recordTypeId } : {}),
    ...(s.statusId ? { statusId: s.statusId } : {}),
    ...(s.assignedUserId ? { assignedUserId: s.assignedUserId } : {}),
    ...(s.assignedAgentId ? { assignedAgentId: s.assignedAgentId } : {}),
    ...(s.temperature ? { temperature: s.temperature } : {}),
    ...(createdFrom ? { createdFrom } : {}),
    ...(createdTo ? { createdTo } : {}),
    ...(s.cf?.length ? { cf: s.cf } : {}),
    sort: s.sort === 'lastName' ? 'lastName' : '-createdAt',
  };
}

/** A saved view's query back into the address form. */
export function fromSavedQuery(query: Record<string, unknown>, timeZone: string): LeadsSearch {
  const from = str(query.createdFrom);
  const to = str(query.createdTo);
  return parseLeadsSearch({
    ...query,
    createdFrom: from ? dayOf(from, timeZone) : undefined,
    // "to" is stored as the next midnight: the day before it.
    createdTo: to ? dayOf(Date.parse(to) - 1, timeZone) : undefined,
    sort: query.sort === 'lastName' ? 'lastName' : undefined,
  });
}

/** How many filters are set (search and sort excluded). */
export const filterCount = (s: LeadsSearch): number =>
  [
    s.recordTypeId,
    s.statusId,
    s.assignedUserId,
    s.assignedAgentId,
    s.temperature,
    s.createdFrom,
    s.createdTo,
  ].filter(Boolean).length + (s.cf?.length ?? 0);

/** Two searches mean the same list. */
export const sameSearch = (a: LeadsSearch, b: LeadsSearch): boolean =>
  JSON.stringify(parseLeadsSearch(a as Record<string, unknown>)) ===
  JSON.stringify(parseLeadsSearch(b as Record<string, unknown>));
