import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type Schedule = components['schemas']['AppointmentSchedule'];

export const schedulesQueryKey = ['appointment-schedules'] as const;

export const schedulesQueryOptions = () =>
  queryOptions({
    queryKey: schedulesQueryKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/appointment-schedules'))).items,
  });

/** GET /appointment-schedules: the account's schedules by name. */
export const useSchedules = () => useQuery(schedulesQueryOptions());
