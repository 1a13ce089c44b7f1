import { useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type PublicSchedule = components['schemas']['PublicSchedule'];

/** GET /api/public/v1/schedules/{slug}: name, length, zone and form of a booking page. */
export const usePublicSchedule = (slug: string) =>
  useQuery({
    queryKey: ['public-schedule', slug],
    queryFn: () => unwrap(api.GET('/api/public/v1/schedules/{slug}', { params: { path: { slug } } })),
    retry: false,
  });
