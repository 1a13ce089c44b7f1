import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { schedulesQueryKey } from './list-schedules';

/** GET /appointment-schedules/{id}. */
export const useSchedule = (id: string) =>
  useQuery({
    queryKey: [...schedulesQueryKey, id],
    queryFn: () => unwrap(api.GET('/api/v1/appointment-schedules/{id}', { params: { path: { id } } })),
  });
