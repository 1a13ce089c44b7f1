import type { Deps } from '../../deps.ts';
import type { JobDefinition } from '../../jobs/queue.ts';
import { purgeDeletedSalesRecords } from './delete-sales-record.ts';

/**
 * Deleted Sales Records past their 30-day recovery window are purged hourly, on a pg-boss schedule:
 * one run per tick however many processes there are.
 */
export function purgeDeletedSalesRecordsDefinition(deps: Deps): JobDefinition<object> {
  return {
    name: 'sales-records.purge-deleted',
    retryLimit: 2,
    retryDelaySeconds: 60,
    cron: '0 * * * *',
    async handler() {
      const purged = await purgeDeletedSalesRecords(deps);
      if (purged) deps.log.info({ purged }, 'deleted Sales Records purged');
    },
  };
}
