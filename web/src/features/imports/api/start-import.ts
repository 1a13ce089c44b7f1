import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { importsQueryKey } from './keys';

export type StartImportInput =
  paths['/api/v1/imports/{id}/start']['post']['requestBody']['content']['application/json'];

/** POST /imports/{id}/start: confirm the mapping and defaults; the import runs as a background job. */
export function useStartImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartImportInput) =>
      unwrap(api.POST('/api/v1/imports/{id}/start', { params: { path: { id } }, body })),
    onSuccess: (started) => {
      queryClient.setQueryData([...importsQueryKey, 'one', id], started);
      return queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'history'] });
    },
  });
}
