import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { bookingKey } from './get-booking';

/** DELETE /api/public/v1/bookings/{token}: cancel (the slot becomes free again). */
export function useCancelBooking(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/public/v1/bookings/{token}', { params: { path: { token } } })),
    onSuccess: (data) => queryClient.setQueryData(bookingKey(token), data),
  });
}
