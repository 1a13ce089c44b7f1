import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { bookingKey } from './get-booking';
import { openSlotsKey } from './list-open-slots';

/** POST /api/public/v1/bookings/{token}/reschedule: move to another open slot. */
export function useRescheduleBooking(token: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (start: string) =>
      unwrap(
        api.POST('/api/public/v1/bookings/{token}/reschedule', {
          params: { path: { token } },
          body: { start },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(bookingKey(token), data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: openSlotsKey(slug) }),
  });
}
