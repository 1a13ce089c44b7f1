import { Alert, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { ErrorAlert, Loading, QueryError } from '../../../components/feedback';
import { errorMessage, isApiError } from '../../../lib/problem';
import { useCancelBooking } from '../api/cancel-booking';
import { useBooking } from '../api/get-booking';
import { usePublicSchedule } from '../api/get-public-schedule';
import { useRescheduleBooking } from '../api/reschedule-booking';
import { BookingFrame } from '../components/booking-frame';
import { whenLabel } from '../components/dates';
import { type Slot, SlotPicker } from '../components/slot-picker';
import { ZonePicker } from '../components/zone-picker';

/** /book/$slug/manage/$token: the booker's own appointment — cancel it or choose another time. */
export function ManageBookingPage() {
  const { slug, token } = useParams({ from: '/book/$slug/manage/$token' });
  const booking = useBooking(token);
  const schedule = usePublicSchedule(slug);
  const cancel = useCancelBooking(token);
  const reschedule = useRescheduleBooking(token, slug);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [moving, setMoving] = useState(false);
  const [zone, setZone] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (booking.isPending)
    return (
      <BookingFrame title="Your appointment">
        <Loading label="Loading your appointment…" />
      </BookingFrame>
    );
  if (booking.isError && isApiError(booking.error) && [400, 404].includes(booking.error.status))
    // A damaged (cut short, mistyped) or unknown link: say so in words, and offer to book again.
    return (
      <BookingFrame title="This link is not valid">
        <Stack gap="md" align="flex-start">
          <Text>
            We could not find an appointment for this link. It may have been cut short or mistyped when it was
            copied from the email. Open the link from the confirmation email again, or book a new time.
          </Text>
          {schedule.isSuccess ? (
            <ButtonLink to="/book/$slug" params={{ slug }}>
              Book an appointment
            </ButtonLink>
          ) : null}
        </Stack>
      </BookingFrame>
    );
  if (booking.isError)
    return (
      <BookingFrame title="Appointment not found">
        <QueryError error={booking.error} />
      </BookingFrame>
    );
  const b = booking.data;
  const shownZone = zone ?? b.timeZone;
  const cancelled = b.status === 'cancelled';

  return (
    <BookingFrame title="Your appointment" agencyName={b.agencyName}>
      <Stack gap="lg">
        {error ? <ErrorAlert title="Could not change the appointment">{error}</ErrorAlert> : null}
        <Stack gap={4} data-testid="managed-booking">
          <Group gap="sm">
            <Title order={2} fz="lg">
              {b.scheduleName} with {b.withName}
            </Title>
            {cancelled ? (
              <Badge color="red" variant="light">
                Cancelled
              </Badge>
            ) : null}
          </Group>
          <Text td={cancelled ? 'line-through' : undefined}>{whenLabel(b.start, b.end, shownZone)}</Text>
          <Text size="sm" c="dimmed">
            Times in {shownZone.replace(/_/g, ' ')} · booked for {b.firstName} {b.lastName}
          </Text>
        </Stack>
        {cancelled ? (
          <Text>
            This appointment is cancelled.{' '}
            <AnchorLink to="/book/$slug" params={{ slug }}>
              Book another time
            </AnchorLink>
          </Text>
        ) : !b.canChange ? (
          <Alert variant="light" color="gray">
            This appointment has started or passed and can no longer be changed online.
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
                Keep the current time
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
                      notifications.show({
                        color: 'green',
                        title: 'Appointment moved',
                        message: 'We emailed you the new time.',
                      });
                    },
                    onError: (e) => (setError(errorMessage(e)), setSlot(null)),
                  })
                }
              >
                {slot ? `Move to ${whenLabel(slot.start, slot.end, shownZone)}` : 'Choose a new time'}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button onClick={() => setMoving(true)}>Choose another time</Button>
            <Button variant="outline" color="red" onClick={() => setConfirmCancel(true)}>
              Cancel appointment
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={confirmCancel} onClose={() => setConfirmCancel(false)} title="Cancel this appointment?">
        <Stack>
          <Text size="sm">{whenLabel(b.start, b.end, shownZone)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmCancel(false)}>
              Keep it
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
              Cancel appointment
            </Button>
          </Group>
        </Stack>
      </Modal>
    </BookingFrame>
  );
}
