import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { components, paths } from '../../api/schema';
import { api, unwrap } from '../api-client';

/**
 * Activities (calls, tasks, appointments) as the calendar, a record's Activities tab and the
 * dashboard read them. Every activity mutation invalidates `activitiesQueryKey`.
 */
export type Activity = components['schemas']['Activity'];
export type MyActivity = Activity & { overdue: boolean };
export type ActivityType = components['schemas']['ActivityType'];
export type ActivityStatus = components['schemas']['ActivityStatus'];
export type ActivityQuery = NonNullable<paths['/api/v1/activities']['get']['parameters']['query']>;
export type ActivityOwners =
  paths['/api/v1/activities/owners']['get']['responses'][200]['content']['application/json'];

export const activitiesQueryKey = ['activities'] as const;
export const activityTypesQueryKey = ['activity-types'] as const;
export const activityStatusesQueryKey = ['activity-statuses'] as const;

export const activitiesQueryOptions = (query: ActivityQuery) =>
  queryOptions({
    queryKey: [...activitiesQueryKey, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/activities', { params: { query } })),
  });

/** GET /activities: by range, owners, record or state (only what I may see). */
export const useActivities = (query: ActivityQuery, enabled = true) =>
  useQuery({ ...activitiesQueryOptions(query), enabled, placeholderData: keepPreviousData });

/** GET /activities/mine: my open activities (and my teams’) due or starting soon, overdue first. */
export const useMyActivities = (days = 7) =>
  useQuery({
    queryKey: [...activitiesQueryKey, 'mine', days],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/activities/mine', { params: { query: { days } } })))
        .items as MyActivity[],
  });

export const useActivityTypes = () =>
  useQuery({
    queryKey: activityTypesQueryKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/activity-types'))).items,
    staleTime: 60_000,
  });

export const useActivityStatuses = () =>
  useQuery({
    queryKey: activityStatusesQueryKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/activity-statuses'))).items,
    staleTime: 60_000,
  });

/** GET /activities/owners: possible owners; `viewable` ones may be shown on my calendar. */
export const useActivityOwners = () =>
  useQuery({
    queryKey: [...activitiesQueryKey, 'owners'],
    queryFn: () => unwrap(api.GET('/api/v1/activities/owners')),
    staleTime: 60_000,
  });
