import { useMutation, useQuery } from '@tanstack/react-query';
import type { components, paths } from '../../api/schema';
import { api, unwrap } from '../../lib/api-client';

export type PublicForm = components['schemas']['PublicForm'];
export type SignBody = NonNullable<
  paths['/api/public/v1/forms/{token}/sign']['post']['requestBody']
>['content']['application/json'];

/** GET /api/public/v1/forms/{token}: the form behind a signing link (404 / 410 / 409 said in words). */
export const usePublicForm = (token: string) =>
  useQuery({
    queryKey: ['public-form', token],
    queryFn: () => unwrap(api.GET('/api/public/v1/forms/{token}', { params: { path: { token } } })),
    retry: false,
    staleTime: Infinity,
  });

export const useSignForm = (token: string) =>
  useMutation({
    mutationFn: (body: SignBody) =>
      unwrap(api.POST('/api/public/v1/forms/{token}/sign', { params: { path: { token } }, body })),
  });

export const useVerify = () =>
  useMutation({
    mutationFn: (sha256: string) =>
      unwrap(api.POST('/api/public/v1/form-verifications', { body: { sha256 } })),
  });
