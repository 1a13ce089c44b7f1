import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type AuditLogEvent = components['schemas']['AuditLogEvent'];

/** GET /audit-log for one Sales Record (deleted or purged too), newest first (Manage Users). */
export const useAuditTrail = (salesRecordId: string | null) =>
  useQuery({
    ...queryOptions({
      queryKey: ['audit-log', 'sales_record', salesRecordId],
      queryFn: async () =>
        (
          await unwrap(
            api.GET('/api/v1/audit-log', {
              params: { query: { entityType: 'sales_record', entityId: salesRecordId!, limit: 200 } },
            }),
          )
        ).items,
    }),
    enabled: salesRecordId !== null,
  });

/** GET /audit-log?type=sales_record.purged: the tombstones of purged Sales Records, newest first. */
export const usePurgedRecords = () =>
  useQuery(
    queryOptions({
      queryKey: ['audit-log', 'sales_record.purged'],
      queryFn: async () =>
        (
          await unwrap(
            api.GET('/api/v1/audit-log', { params: { query: { type: 'sales_record.purged', limit: 200 } } }),
          )
        ).items,
    }),
  );
