import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const openSlotsKey = (slug: string) => ['public-slots', slug] as const;

/** GET …/slots: open slots on the booker's dates `from`..`to`, with the offsets of `timeZone`. */
export const useOpenSlots = (slug: string, q: { from: string; to: string; timeZone: string }) =>
  useQuery({
    queryKey: [...openSlotsKey(slug), q],
    queryFn: () =>
      unwrap(api.GET('/api/public/v1/schedules/{slug}/slots', { params: { path: { slug }, query: q } })),
    placeholderData: keepPreviousData,
    retry: false,
  });
