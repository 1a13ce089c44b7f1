/**
 * Every query about Sales Records starts with this key (list, one record, dashboard), so a change
 * anywhere (a lead edited, a sale started from a client) refreshes them all.
 */
export const salesRecordsQueryKey = ['sales-records'] as const;
