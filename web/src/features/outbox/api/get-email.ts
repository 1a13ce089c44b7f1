import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const emailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['emails', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/emails/{id}', { params: { path: { id } } })),
    staleTime: 60_000,
  });

/** GET /emails/{id}: one email with its text (and HTML) body. */
export const useEmail = (id: string | null) =>
  useQuery({ ...emailQueryOptions(id ?? ''), enabled: id !== null });
