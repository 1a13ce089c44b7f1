import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { isRunning } from '../components/import-flow';
import { importsQueryKey } from './keys';

/** How often a running import's progress is fetched. */
export const PROGRESS_POLL_MS = 300;

export const importQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...importsQueryKey, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id } } })),
    // The progress bar: poll while the job is queued or running, then stop.
    refetchInterval: (query) => (isRunning(query.state.data?.status) ? PROGRESS_POLL_MS : false),
    staleTime: 0,
  });

/** GET /imports/{id}: one import, its status and progress (rows done, created, updated, skipped, failed). */
export const useImport = (id: string) => useQuery(importQueryOptions(id));
