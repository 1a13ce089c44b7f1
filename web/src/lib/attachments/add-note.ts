import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api-client';
import { attachmentsQueryKey, type Note, type RecordOwner } from '../queries/attachments';

/** POST /sales-records/{id}/notes or /individuals/{id}/notes: a time-stamped note signed by me. */
export function useAddNote(owner: RecordOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string): Promise<Note> => {
      const params = { params: { path: { id: owner.id } }, body: { body } };
      return owner.kind === 'sales_record'
        ? unwrap(api.POST('/api/v1/sales-records/{id}/notes', params))
        : unwrap(api.POST('/api/v1/individuals/{id}/notes', params));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(owner) }),
  });
}

/** DELETE …/notes/{noteId}: the note goes; the record's history keeps what it said and who removed it. */
export function useRemoveNote(owner: RecordOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (noteId: string): Promise<void> => {
      const params = { params: { path: { id: owner.id, noteId } } };
      if (owner.kind === 'sales_record')
        await unwrap(api.DELETE('/api/v1/sales-records/{id}/notes/{noteId}', params));
      else await unwrap(api.DELETE('/api/v1/individuals/{id}/notes/{noteId}', params));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(owner) }),
  });
}
