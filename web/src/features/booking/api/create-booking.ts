import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components, paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { openSlotsKey } from './list-open-slots';

export type BookingBody = NonNullable<
  paths['/api/public/v1/schedules/{slug}/bookings']['post']['requestBody']
>['content']['application/json'];
export type Booking = components['schemas']['Booking'];

/** POST …/bookings. Whatever the answer, the open slots are fetched again. */
export function useCreateBooking(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookingBody) =>
      unwrap(api.POST('/api/public/v1/schedules/{slug}/bookings', { params: { path: { slug } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: openSlotsKey(slug) }),
  });
}
