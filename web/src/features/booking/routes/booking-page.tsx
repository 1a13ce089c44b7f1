import { Alert, Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { AnchorLink } from '../../../components/links';
import { Loading, QueryError } from '../../../components/feedback';
import type { Booking } from '../api/create-booking';
import { usePublicSchedule } from '../api/get-public-schedule';
import { BookerForm } from '../components/booker-form';
import { BookingFrame } from '../components/booking-frame';
import { deviceTimeZone, whenLabel } from '../components/dates';
import { type Slot, SlotPicker } from '../components/slot-picker';
import { ZonePicker } from '../components/zone-picker';

/** /book/$slug: the public booking page — choose a time (in your zone), fill in the form, done. */
export function BookingPage() {
  const { slug } = useParams({ from: '/book/$slug' });
  const schedule = usePublicSchedule(slug);
  const [zone, setZone] = useState(deviceTimeZone);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [step, setStep] = useState<'pick' | 'form'>('pick');
  const [taken, setTaken] = useState<string | null>(null);
  const [booked, setBooked] = useState<Booking | null>(null);

  if (schedule.isPending)
    return (
      <BookingFrame title="Book an appointment">
        <Loading label="Loading the booking page…" />
      </BookingFrame>
    );
  if (schedule.isError)
    return (
      <BookingFrame title="Booking page not available">
        <QueryError error={schedule.error} />
      </BookingFrame>
    );
  const s = schedule.data;

  if (booked)
    return (
      <BookingFrame title="You’re booked" agencyName={s.agencyName}>
        <Stack gap="md" role="status" data-testid="booking-confirmation">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon color="teal" variant="light" size={40} radius="xl" aria-hidden>
              <IconCircleCheck size={24} />
            </ThemeIcon>
            <div>
              <Title order={2} fz="lg">
                {s.name} with {booked.withName}
              </Title>
              <Text>{whenLabel(booked.start, booked.end, booked.timeZone)}</Text>
              <Text size="sm" c="dimmed">
                Times in {booked.timeZone.replace(/_/g, ' ')}
              </Text>
            </div>
          </Group>
          <Text>We sent a confirmation with a calendar invitation to your email address.</Text>
          <Text>
            Need to change it?{' '}
            <AnchorLink to="/book/$slug/manage/$token" params={{ slug, token: booked.manageToken }}>
              Cancel or choose another time
            </AnchorLink>
          </Text>
        </Stack>
      </BookingFrame>
    );

  return (
    <BookingFrame
      title={s.name}
      agencyName={s.agencyName}
      description={
        <Group gap={6}>
          <IconClock size={16} aria-hidden />
          <span>{s.lengthMinutes} minutes</span>
        </Group>
      }
    >
      <Stack gap="lg">
        {taken ? (
          <Alert color="yellow" variant="light" title="That time is no longer open" role="alert">
            {taken}
          </Alert>
        ) : null}
        {step === 'pick' ? (
          <>
            <ZonePicker value={zone} onChange={(z) => (setZone(z), setSlot(null))} />
            <SlotPicker
              slug={slug}
              zone={zone}
              horizonDays={s.horizonDays}
              selected={slot}
              onSelect={setSlot}
            />
            <Group justify="flex-end">
              <Text size="sm" c="dimmed" aria-live="polite">
                {slot ? whenLabel(slot.start, slot.end, zone) : 'Choose a time.'}
              </Text>
              <Button disabled={!slot} onClick={() => (setTaken(null), setStep('form'))}>
                Continue
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text fw={600}>{whenLabel(slot!.start, slot!.end, zone)}</Text>
            <BookerForm
              schedule={s}
              slot={slot!}
              zone={zone}
              onBooked={setBooked}
              onBack={() => setStep('pick')}
              onTaken={(message) => {
                setTaken(message);
                setSlot(null);
                setStep('pick');
              }}
            />
          </>
        )}
      </Stack>
    </BookingFrame>
  );
}
