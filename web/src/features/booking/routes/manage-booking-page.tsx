import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert, Loading, QueryError } from '../../../public/kit/feedback';
import { Link } from '../../../public/kit/router';
import { errorMessage, isApiError } from '../../../lib/problem';
import { useCancelBooking } from '../api/cancel-booking';
import { useBooking } from '../api/get-booking';
import { usePublicSchedule } from '../api/get-public-schedule';
import { useRescheduleBooking } from '../api/reschedule-booking';
import { BookingFrame } from '../components/booking-frame';
import { whenLabel } from '../components/dates';
import { type Slot, SlotPicker } from '../components/slot-picker';
import { useBookingText } from '../components/use-booking-text';
import { ZonePicker } from '../components/zone-picker';

/** /book/$slug/manage/$token: the booker's own appointment — cancel it or choose another time. */
export function ManageBookingPage({ slug, token }: { slug: string; token: string }) {
  const { t, locale } = useBookingText();
  const booking = useBooking(token);
  const schedule = usePublicSchedule(slug);
  const cancel = useCancelBooking(token);
  const reschedule = useRescheduleBooking(token, slug);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [moving, setMoving] = useState(false);
  const [zone, setZone] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moved, setMoved] = useState(false);

  if (booking.isPending)
    return (
      <BookingFrame title={t.yourAppointment}>
        <Loading label={t.loadingAppointment} />
      </BookingFrame>
    );
  if (booking.isError && isApiError(booking.error) && [400, 404].includes(booking.error.status))
    // A damaged (cut short, mistyped) or unknown link: say so in words, and offer to book again.
    return (
      <BookingFrame title={t.linkNotValid}>
        <Stack gap="md" align="flex-start">
          <Text>{t.linkNotValidBody}</Text>
          {schedule.isSuccess ? (
            <Button component="a" href={`/book/${encodeURIComponent(slug)}`}>
              {t.bookAppointment}
            </Button>
          ) : null}
        </Stack>
      </BookingFrame>
    );
  if (booking.isError)
    return (
      <BookingFrame title={t.appointmentNotFound}>
        <QueryError error={booking.error} />
      </BookingFrame>
    );
  const b = booking.data;
  const shownZone = zone ?? b.timeZone;
  const cancelled = b.status === 'cancelled';

  return (
    <BookingFrame title={t.yourAppointment} agencyName={b.agencyName}>
      <Stack gap="lg">
        {error ? <ErrorAlert title={t.couldNotChange}>{error}</ErrorAlert> : null}
        {moved ? (
          <Alert color="green" variant="light" title={t.moved} role="status">
            {t.movedDetail}
          </Alert>
        ) : null}
        <Stack gap={4} data-testid="managed-booking">
          <Group gap="sm">
            <Title order={2} fz="lg">
              {t.withWhom(b.scheduleName, b.withName)}
            </Title>
            {cancelled ? (
              <Badge color="red" variant="light">
                {t.cancelled}
              </Badge>
            ) : null}
          </Group>
          <Text td={cancelled ? 'line-through' : undefined}>
            {whenLabel(b.start, b.end, shownZone, locale)}
          </Text>
          <Text size="sm" c="dimmed">
            {t.timesInBookedFor(shownZone.replace(/_/g, ' '), `${b.firstName} ${b.lastName}`)}
          </Text>
        </Stack>
        {cancelled ? (
          <Text>
            {t.isCancelled} <Link href={`/book/${encodeURIComponent(slug)}`}>{t.bookAnotherTime}</Link>
          </Text>
        ) : !b.canChange ? (
          <Alert variant="light" color="gray">
            {t.cannotChange}
          </Alert>
        ) : moving ? (
          <Stack gap="md">
            <ZonePicker value={shownZone} onChange={(z) => (setZone(z), setSlot(null))} />
            <SlotPicker
              slug={slug}
              zone={shownZone}
              horizonDays={schedule.data?.horizonDays ?? 60}
              selected={slot}
              onSelect={setSlot}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => (setMoving(false), setSlot(null))}>
                {t.keepCurrentTime}
              </Button>
              <Button
                disabled={!slot}
                loading={reschedule.isPending}
                onClick={() =>
                  slot &&
                  reschedule.mutate(slot.start, {
                    onSuccess: () => {
                      setMoving(false);
                      setSlot(null);
                      setError(null);
                      setMoved(true);
                    },
                    onError: (e) => (setError(errorMessage(e)), setSlot(null)),
                  })
                }
              >
                {slot ? t.moveTo(whenLabel(slot.start, slot.end, shownZone, locale)) : t.chooseNewTime}
              </Button>
            </Group>
          </Stack>
        ) : confirmCancel ? (
          // Asked in place, not in a dialog: the page stays light (no modal machinery) and readable on a phone.
          <Stack gap="sm" role="group" aria-labelledby="confirm-cancel-title" data-testid="confirm-cancel">
            <Title order={2} fz="md" id="confirm-cancel-title">
              {t.cancelThisAppointment}
            </Title>
            <Group>
              <Button variant="default" autoFocus onClick={() => setConfirmCancel(false)}>
                {t.keepIt}
              </Button>
              <Button
                color="red"
                loading={cancel.isPending}
                onClick={() =>
                  cancel.mutate(undefined, {
                    onSuccess: () => setConfirmCancel(false),
                    onError: (e) => (setError(errorMessage(e)), setConfirmCancel(false)),
                  })
                }
              >
                {t.cancelAppointment}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button onClick={() => (setMoving(true), setMoved(false))}>{t.chooseAnotherTime}</Button>
            <Button variant="outline" color="red" onClick={() => setConfirmCancel(true)}>
              {t.cancelAppointment}
            </Button>
          </Group>
        )}
      </Stack>
    </BookingFrame>
  );
}
