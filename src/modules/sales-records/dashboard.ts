import { desc, isNull, sql } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { authorize, type Actor } from '../access/index.ts';
import { getAccount } from '../accounts/index.ts';
import { salesRecords } from './schema.ts';
import { salesRecordScope } from './scope.ts';
import { temperatureOf, temperatureWindows } from './temperature.ts';

/**
 * The sales dashboard within the actor's scope: counts by record type (with each temperature),
 * by status, and the most recent records. Two aggregate queries and one page read.
 */
export async function salesDashboard(deps: Deps, opts: { actor: Actor; now?: Date }) {
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
    salesRecordScope(actor),
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
