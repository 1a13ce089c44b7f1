import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type SavedView = components['schemas']['SavedView'];

export const savedViewsQueryKey = ['saved-views'] as const;

export const savedViewsQueryOptions = () =>
  queryOptions({
    queryKey: savedViewsQueryKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/saved-views'))).items,
  });

/** GET /saved-views: my saved lead-list views, by name. */
export const useSavedViews = () => useQuery(savedViewsQueryOptions());
