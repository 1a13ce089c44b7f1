import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../api-client';

export type RecordType = components['schemas']['RecordType'];

/** An account has at most this many record types (the server refuses more). */
export const MAX_RECORD_TYPES = 10;

export const recordTypesQueryKey = ['record-types'] as const;

export const recordTypesQueryOptions = () =>
  queryOptions({
    queryKey: recordTypesQueryKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/record-types'))).items,
  });

/** GET /record-types: the account's record types in order, with their ordered statuses. */
export const useRecordTypes = () => useQuery(recordTypesQueryOptions());
