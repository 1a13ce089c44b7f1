import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { apiKeysQueryKey } from './list-api-keys';

export type CreateApiKeyInput =
  paths['/api/v1/api-keys']['post']['requestBody']['content']['application/json'];

/** POST /api-keys: the answer holds the secret key, shown this once. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyInput) => unwrap(api.POST('/api/v1/api-keys', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
