import { desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { authorize, type Actor } from '../access/index.ts';
import { getAccount } from '../accounts/index.ts';
import { openStatus } from './open-status.ts';
import { salesRecords } from './schema.ts';
import { salesRecordScope } from './scope.ts';
import { temperatureOf, temperatureWindows } from './temperature.ts';

/** Whose records the dashboard counts: the user's own (assigned to them or their Linked Agents), or all they may see. */
export const DASHBOARD_WHOSE = ['mine', 'all'] as const;
export type DashboardWhose = (typeof DASHBOARD_WHOSE)[number];

/** Records assigned to the user or to one of their Linked Agents; every record for a non-user actor. */
function mine(actor: Actor) {
  if (actor.kind !== 'user') return undefined;
  const linked = [...actor.profile.linkedAgentIds];
  return or(
    eq(salesRecords.assignedUserId, actor.userId),
    linked.length ? inArray(salesRecords.assignedAgentId, linked) : undefined,
  );
}

/**
 * The sales dashboard of open records (not converted, status not closed) within the actor's
 * scope — their own (`mine`, the default: assigned to them or their Linked Agents) or all they may
 * see: counts by record type (with each temperature), by status, and the most recent records. Two
 * aggregate queries and one page read.
 */
export async function salesDashboard(deps: Deps, opts: { actor: Actor; whose?: DashboardWhose; now?: Date }) {
  const { actor } = opts;
  authorize(actor, 'sales_record.view');
  const now = opts.now ?? new Date();
  const periods = (await getAccount(deps, { actor })).temperaturePeriods;
  const w = temperatureWindows(now, periods);
  const where = inAccount(
    actor,
    salesRecords,
    isNull(salesRecords.deletedAt),
    isNull(salesRecords.convertedAt),
    openStatus(salesRecords),
    salesRecordScope(actor),
    (opts.whose ?? 'mine') === 'mine' ? mine(actor) : undefined,
  );
  const temp = (t: 'hot' | 'warm' | 'cool' | 'cold') => {
    const win = w[t];
    return sql<number>`count(*) filter (where ${salesRecords.manualTemperature} = ${t} or (${salesRecords.manualTemperature} is null ${win.from ? sql`and ${salesRecords.createdAt} >= ${win.from}` : sql``} ${win.to ? sql`and ${salesRecords.createdAt} < ${win.to}` : sql``}))::int`;
  };
  const byRecordType = await deps.db
    .select({
      recordTypeId: salesRecords.recordTypeId,
      count: sql<number>`count(*)::int`,
      hot: temp('hot'),
      warm: temp('warm'),
      cool: temp('cool'),
      cold: temp('cold'),
    })
    .from(salesRecords)
    .where(where)
    .groupBy(salesRecords.recordTypeId);
  const byStatus = await deps.db
    .select({ statusId: salesRecords.statusId, count: sql<number>`count(*)::int` })
    .from(salesRecords)
    .where(where)
    .groupBy(salesRecords.statusId);
  const recent = await deps.db
    .select({
      id: salesRecords.id,
      firstName: salesRecords.firstName,
      lastName: salesRecords.lastName,
      recordTypeId: salesRecords.recordTypeId,
      statusId: salesRecords.statusId,
      createdAt: salesRecords.createdAt,
      manualTemperature: salesRecords.manualTemperature,
    })
    .from(salesRecords)
    .where(where)
    .orderBy(desc(salesRecords.createdAt), desc(salesRecords.id))
    .limit(10);
  return {
    byRecordType: byRecordType.map(({ hot, warm, cool, cold, ...r }) => ({
      ...r,
      temperatures: { hot, warm, cool, cold },
    })),
    byStatus,
    recent: recent.map((r) => ({
      ...r,
      temperature: temperatureOf(r.createdAt, now, periods, r.manualTemperature),
    })),
  };
}
