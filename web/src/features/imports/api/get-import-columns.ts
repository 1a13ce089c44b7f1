import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { importsQueryKey } from './keys';

export const importColumnsQueryOptions = () =>
  queryOptions({
    queryKey: [...importsQueryKey, 'columns'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/imports/columns'))).items,
    staleTime: Infinity,
  });

/** GET /imports/columns: the documented headings (matched exactly), which are required, their formats. */
export const useImportColumns = () => useQuery(importColumnsQueryOptions());
