import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import type { RecordOwner } from '../../../lib/queries/attachments';

export type Form = components['schemas']['Form'];
export type FormSettings = components['schemas']['FormSettings'];
export type SendFormBody = NonNullable<
  paths['/api/v1/forms']['post']['requestBody']
>['content']['application/json'];
export type EditFormBody = NonNullable<
  paths['/api/v1/forms/{id}']['patch']['requestBody']
>['content']['application/json'];

export const formsKey = (owner: RecordOwner) => ['forms', owner.kind, owner.id] as const;

/** GET /forms?salesRecordId|individualId: the record's SOA and ACA forms. */
export const formsQueryOptions = (owner: RecordOwner) =>
  queryOptions({
    queryKey: formsKey(owner),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/forms', {
            params: {
              query: owner.kind === 'sales_record' ? { salesRecordId: owner.id } : { individualId: owner.id },
            },
          }),
        )
      ).items,
  });
export const useForms = (owner: RecordOwner) => useQuery(formsQueryOptions(owner));

export const useFormSettings = (family: 'soa' | 'aca') =>
  useQuery({
    queryKey: ['form-settings', family],
    queryFn: () => unwrap(api.GET('/api/v1/form-settings/{family}', { params: { path: { family } } })),
  });

export function useSendForm(owner: RecordOwner) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SendFormBody) => unwrap(api.POST('/api/v1/forms', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: formsKey(owner) }),
  });
}

export function useEditForm(owner: RecordOwner) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EditFormBody }) =>
      unwrap(api.PATCH('/api/v1/forms/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: formsKey(owner) }),
  });
}

export function useDeleteForm(owner: RecordOwner) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/forms/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: formsKey(owner) }),
  });
}

/** The PDF of a version (a plain link: the session cookie authenticates the download). */
export const pdfUrl = (id: string, version?: number) =>
  `/api/v1/forms/${id}/pdf${version ? `?version=${version}` : ''}`;
