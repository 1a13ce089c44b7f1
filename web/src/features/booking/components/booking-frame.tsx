import { IconCalendarTime } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PublicLayout } from '../../../public/kit/public-layout';
import { useBookingText } from './use-booking-text';

/** The public booking pages' frame: the agency's name, one h1, the content in a card. */
export function BookingFrame({
  title,
  agencyName,
  description,
  children,
}: {
  title: string;
  agencyName?: string | undefined;
  description?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useBookingText();
  return (
    <PublicLayout
      title={title}
      brand={agencyName ?? t.bookTitle}
      icon={<IconCalendarTime size={20} />}
      description={description}
    >
      {children}
    </PublicLayout>
  );
}
