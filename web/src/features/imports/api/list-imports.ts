import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { isRunning } from '../components/import-flow';
import { importsQueryKey } from './keys';

export const importHistoryQueryOptions = () =>
  queryOptions({
    queryKey: [...importsQueryKey, 'history'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/imports'))).items,
    // Running imports move on their own: refresh while any is running.
    refetchInterval: (query) => (query.state.data?.some((i) => isRunning(i.status)) ? 2_000 : false),
  });

/** GET /imports: the account's imports, newest first. */
export const useImportHistory = () => useQuery(importHistoryQueryOptions());
