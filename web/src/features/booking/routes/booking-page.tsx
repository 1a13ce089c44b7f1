import { Alert, Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconClock } from '@tabler/icons-react';
import { usePrefetchQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, QueryError } from '../../../public/kit/feedback';
import { Link } from '../../../public/kit/router';
import { isApiError } from '../../../lib/problem';
import type { Booking } from '../api/create-booking';
import { usePublicSchedule } from '../api/get-public-schedule';
import { openSlotsQueryOptions } from '../api/list-open-slots';
import { BookerForm } from '../components/booker-form';
import { BookingFrame } from '../components/booking-frame';
import { addDays, deviceTimeZone, todayIn, whenLabel } from '../components/dates';
import { type Slot, SlotPicker } from '../components/slot-picker';
import { useBookingText } from '../components/use-booking-text';
import { ZonePicker } from '../components/zone-picker';

/** /book/$slug: the public booking page — choose a time (in your zone), fill in the form, done. */
export function BookingPage({ slug }: { slug: string }) {
  const { t, locale } = useBookingText();
  const schedule = usePublicSchedule(slug);
  const [zone, setZone] = useState(deviceTimeZone);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [step, setStep] = useState<'pick' | 'form'>('pick');
  const [taken, setTaken] = useState<string | null>(null);
  const [booked, setBooked] = useState<Booking | null>(null);
  // This week's open times load with the schedule, not after it: one round trip less on a slow line.
  const today = todayIn(zone);
  usePrefetchQuery(openSlotsQueryOptions(slug, { from: today, to: addDays(today, 6), timeZone: zone }));

  if (schedule.isPending)
    return (
      <BookingFrame title={t.bookTitle}>
        <Loading label={t.loadingPage} />
      </BookingFrame>
    );
  if (schedule.isError)
    return (
      <BookingFrame title={t.pageNotAvailable}>
        {isApiError(schedule.error) && schedule.error.status === 404 ? (
          <Text>{t.pageGone}</Text>
        ) : (
          <QueryError error={schedule.error} />
        )}
      </BookingFrame>
    );
  const s = schedule.data;

  if (booked)
    return (
      <BookingFrame title={t.booked} agencyName={s.agencyName}>
        <Stack gap="md" role="status" data-testid="booking-confirmation">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon color="teal" variant="light" size={40} radius="xl" aria-hidden>
              <IconCircleCheck size={24} />
            </ThemeIcon>
            <div>
              <Title order={2} fz="lg">
                {t.withWhom(s.name, booked.withName)}
              </Title>
              <Text>{whenLabel(booked.start, booked.end, booked.timeZone, locale)}</Text>
              <Text size="sm" c="dimmed">
                {t.timesIn(booked.timeZone.replace(/_/g, ' '))}
              </Text>
            </div>
          </Group>
          <Text>{t.confirmationSent}</Text>
          <Text>
            {t.needToChange}{' '}
            <Link href={`/book/${encodeURIComponent(slug)}/manage/${encodeURIComponent(booked.manageToken)}`}>
              {t.cancelOrMove}
            </Link>
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
          <span>{t.minutes(s.lengthMinutes)}</span>
        </Group>
      }
    >
      <Stack gap="lg">
        {taken ? (
          <Alert color="yellow" variant="light" title={t.timeTaken} role="alert">
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
                {slot ? whenLabel(slot.start, slot.end, zone, locale) : t.chooseATime}
              </Text>
              <Button disabled={!slot} onClick={() => (setTaken(null), setStep('form'))}>
                {t.continue}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text fw={600}>{whenLabel(slot!.start, slot!.end, zone, locale)}</Text>
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
