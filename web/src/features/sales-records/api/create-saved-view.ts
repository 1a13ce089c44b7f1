import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { savedViewsQueryKey } from './list-saved-views';

export type SavedViewInput =
  paths['/api/v1/saved-views']['post']['requestBody']['content']['application/json'];

/** POST /saved-views: the current filters, search and sort under a name (names are unique per user). */
export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedViewInput) => unwrap(api.POST('/api/v1/saved-views', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewsQueryKey }),
  });
}
