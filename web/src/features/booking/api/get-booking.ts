import { useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type ManagedBooking = components['schemas']['ManagedBooking'];
export const bookingKey = (token: string) => ['public-booking', token] as const;

/** GET /api/public/v1/bookings/{token}: the booking behind a manage link. */
export const useBooking = (token: string) =>
  useQuery({
    queryKey: bookingKey(token),
    queryFn: () => unwrap(api.GET('/api/public/v1/bookings/{token}', { params: { path: { token } } })),
    retry: false,
  });
