import { ActionIcon, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Loading, QueryError } from '../../../public/kit/feedback';
import { useOpenSlots } from '../api/list-open-slots';
import { addDays, dayLabel, slotDate, timeLabel, todayIn } from './dates';
import { useBookingText } from './use-booking-text';

export type Slot = { start: string; end: string };

/**
 * A week of days (in the booker's zone) with their open times: choose a day, then a time. Days
 * without open times are shown but cannot be chosen. Keyboard: every day and time is a button.
 */
export function SlotPicker({
  slug,
  zone,
  horizonDays,
  selected,
  onSelect,
}: {
  slug: string;
  zone: string;
  horizonDays: number;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
}) {
  const { t, locale } = useBookingText();
  const today = todayIn(zone);
  const [weekStart, setWeekStart] = useState(today);
  const [day, setDay] = useState<string | null>(selected ? slotDate(selected.start) : null);
  const weekEnd = addDays(weekStart, 6);
  const slots = useOpenSlots(slug, { from: weekStart, to: weekEnd, timeZone: zone });
  // A new zone: start again from today there.
  useEffect(() => {
    setWeekStart(todayIn(zone));
    setDay(null);
  }, [zone]);

  const byDay = useMemo(() => {
    const m = new Map<string, Slot[]>();
    for (let i = 0; i < 7; i++) m.set(addDays(weekStart, i), []);
    for (const s of slots.data?.slots ?? []) m.get(slotDate(s.start))?.push(s);
    return m;
  }, [slots.data, weekStart]);
  const firstOpen = [...byDay.entries()].find(([, list]) => list.length)?.[0] ?? null;
  const shownDay = day && byDay.get(day)?.length ? day : firstOpen;
  const times = shownDay ? (byDay.get(shownDay) ?? []) : [];
  const lastBookable = addDays(today, horizonDays + 1); // the horizon is in the schedule's zone: allow a day's slack

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t.previousWeek}
          disabled={weekStart <= today}
          onClick={() => setWeekStart(addDays(weekStart, -7))}
        >
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <Title order={2} fz="md" ta="center" aria-live="polite">
          {dayLabel(weekStart, { month: 'long', day: 'numeric' }, locale)} –{' '}
          {dayLabel(weekEnd, { month: 'long', day: 'numeric', year: 'numeric' }, locale)}
        </Title>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t.nextWeek}
          disabled={addDays(weekStart, 7) > lastBookable}
          onClick={() => setWeekStart(addDays(weekStart, 7))}
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Group>
      {slots.isPending ? (
        <Loading label={t.findingTimes} />
      ) : slots.isError ? (
        <QueryError error={slots.error} onRetry={() => void slots.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 4, xs: 7 }} spacing={6} role="group" aria-label={t.days}>
            {[...byDay.entries()].map(([d, list]) => (
              <Button
                key={d}
                variant={d === shownDay ? 'filled' : 'default'}
                h="auto"
                py={6}
                px={4}
                styles={{ label: { flexDirection: 'column', whiteSpace: 'normal' } }}
                aria-pressed={d === shownDay}
                disabled={list.length === 0}
                onClick={() => setDay(d)}
                aria-label={t.dayOpenTimes(
                  dayLabel(d, { weekday: 'long', month: 'long', day: 'numeric' }, locale),
                  list.length,
                )}
              >
                <Text size="xs" c="inherit" fw={600}>
                  {dayLabel(d, { weekday: 'short' }, locale)}
                </Text>
                <Text size="lg" c="inherit" fw={700} lh={1.2}>
                  {dayLabel(d, { day: 'numeric' }, locale)}
                </Text>
                <Text size="xs" c="inherit">
                  {list.length ? t.openCount(list.length) : '—'}
                </Text>
              </Button>
            ))}
          </SimpleGrid>
          {shownDay ? (
            <Stack gap="xs">
              <Title order={3} fz="sm" fw={600}>
                {dayLabel(shownDay, { weekday: 'long', month: 'long', day: 'numeric' }, locale)}
              </Title>
              <SimpleGrid
                cols={{ base: 3, sm: 5 }}
                spacing={6}
                role="group"
                aria-label={t.openTimes}
                data-testid="open-times"
              >
                {times.map((s) => (
                  <Button
                    key={s.start}
                    px={4}
                    variant={selected?.start === s.start ? 'filled' : 'default'}
                    aria-pressed={selected?.start === s.start}
                    onClick={() => onSelect(s)}
                  >
                    {timeLabel(s.start, zone, locale)}
                  </Button>
                ))}
              </SimpleGrid>
            </Stack>
          ) : (
            <Text c="dimmed" role="status">
              {t.noTimesThisWeek}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
