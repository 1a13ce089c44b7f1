import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../api-client';

export type CustomField = components['schemas']['CustomField'];
export type CustomFieldEntity = CustomField['entity'];

export const customFieldsQueryKey = ['custom-fields'] as const;

export const customFieldsQueryOptions = (entity: CustomFieldEntity) =>
  queryOptions({
    queryKey: [...customFieldsQueryKey, entity],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/custom-fields', { params: { query: { entity } } }))).items,
    staleTime: 60_000,
  });

/** GET /custom-fields?entity=…: the account's custom fields of one record kind, in order. */
export const useCustomFields = (entity: CustomFieldEntity) => useQuery(customFieldsQueryOptions(entity));
