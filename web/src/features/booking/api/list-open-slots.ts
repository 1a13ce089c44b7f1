import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const openSlotsKey = (slug: string) => ['public-slots', slug] as const;

type SlotsQuery = { from: string; to: string; timeZone: string };

/** GET …/slots: open slots on the booker's dates `from`..`to`, with the offsets of `timeZone`. */
export const openSlotsQueryOptions = (slug: string, q: SlotsQuery) =>
  queryOptions({
    queryKey: [...openSlotsKey(slug), q],
    queryFn: () =>
      unwrap(api.GET('/api/public/v1/schedules/{slug}/slots', { params: { path: { slug }, query: q } })),
    retry: false,
  });

export const useOpenSlots = (slug: string, q: SlotsQuery) =>
  useQuery({ ...openSlotsQueryOptions(slug, q), placeholderData: keepPreviousData });
