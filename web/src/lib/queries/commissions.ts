import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../api-client';
import { attachmentsQueryKey, type RecordOwner } from './attachments';

export type PolicyCommissions = components['schemas']['PolicyCommissions'];
export type Commission = components['schemas']['Commission'];
export type RenewalCycle = NonNullable<PolicyCommissions['policy']['renewalCycle']>;

/**
 * Commissions and renewals of a record's policies (under the record's attachment key, so editing
 * a policy refreshes them too): expected amounts, policy year, next renewal, upcoming first.
 */
export const commissionsQueryOptions = (owner: RecordOwner) =>
  queryOptions({
    queryKey: [...attachmentsQueryKey(owner), 'commissions'],
    queryFn: async () => {
      const params = { params: { path: { id: owner.id } } };
      return owner.kind === 'sales_record'
        ? unwrap(api.GET('/api/v1/sales-records/{id}/commissions', params))
        : unwrap(api.GET('/api/v1/individuals/{id}/commissions', params));
    },
  });

export const useRecordCommissions = (owner: RecordOwner) => useQuery(commissionsQueryOptions(owner));
