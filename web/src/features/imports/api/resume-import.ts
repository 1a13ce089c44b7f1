import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { importsQueryKey } from './keys';

/** POST /imports/{id}/resume: a failed import continues from its last committed batch. */
export function useResumeImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/imports/{id}/resume', { params: { path: { id } } })),
    onSuccess: (resumed) => {
      queryClient.setQueryData([...importsQueryKey, 'one', id], resumed);
      return queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'history'] });
    },
  });
}
