import { ActionIcon, Button, Group, MultiSelect, Paper, SegmentedControl, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { ActivityDialog, type ActivityDefaults } from '../../../components/records/activity-dialog';
import { zonedIso } from '../../../lib/activities/zoned';
import { dayOf, startOfDay } from '../../../lib/dates';
import { type Activity, useActivities, useActivityOwners } from '../../../lib/queries/activities';
import { useMe } from '../../../lib/session';
import { type CalendarView, bucket, step, viewDays, viewTitle } from '../components/calendar-model';
import { MonthGrid } from '../components/month-grid';
import { TimeGrid } from '../components/time-grid';
import '../components/calendar.css';

/** A real calendar day as YYYY-MM-DD (not 2026-02-30). */
function isDay(s: string): boolean {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN;
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

export type CalendarSearch = { view?: CalendarView; date?: string };

/** `?view=day|week|month&date=YYYY-MM-DD`: what the calendar shows lives in the address. */
export function parseCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const view = search.view;
  const date = search.date;
  return {
    ...(view === 'day' || view === 'week' || view === 'month' ? { view } : {}),
    ...(typeof date === 'string' && isDay(date) ? { date } : {}),
  };
}

/**
 * Day, week and month views of the activities the user may see (own, their teams’, granted
 * users’), in the user's time zone. Click an activity to open it; click a time or a day to add one.
 */
export function CalendarPage() {
  const me = useMe();
  const today = dayOf(Date.now(), me.timeZone);
  const search = useSearch({ from: '/app/calendar' });
  const navigate = useNavigate({ from: '/calendar' });
  // A phone shows one day at a time unless the address asks for more.
  const narrow = useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false });
  const view: CalendarView = search.view ?? (narrow ? 'day' : 'week');
  const anchor = search.date ?? today;
  const go = (next: CalendarSearch) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const setView = (v: CalendarView) => go({ view: v });
  const setAnchor = (d: string) => go({ date: d });
  const [owners, setOwners] = useState<string[]>([`user:${me.id}`]);
  const [dialog, setDialog] = useState<{ activity: Activity | null; defaults: ActivityDefaults } | null>(
    null,
  );
  const ownerList = useActivityOwners();

  const days = viewDays(view, anchor);
  const from = startOfDay(days[0]!, me.timeZone)!;
  const to = startOfDay(days[days.length - 1]!, me.timeZone, 1)!;
  const ownerUserIds = owners.filter((o) => o.startsWith('user:')).map((o) => o.slice(5));
  const ownerTeamIds = owners.filter((o) => o.startsWith('team:')).map((o) => o.slice(5));
  const list = useActivities({
    from,
    to,
    limit: 2000,
    state: 'all',
    ...(ownerUserIds.length ? { ownerUserIds: ownerUserIds.join(',') } : {}),
    ...(ownerTeamIds.length ? { ownerTeamIds: ownerTeamIds.join(',') } : {}),
  });
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const buckets = useMemo(() => bucket(items, me.timeZone), [items, me.timeZone]);

  const ownerOptions = [
    {
      group: 'Users',
      items: (ownerList.data?.users ?? [])
        .filter((u) => u.viewable)
        .map((u) => ({
          value: `user:${u.id}`,
          label: u.id === me.id ? 'Me' : `${u.firstName} ${u.lastName}`,
        })),
    },
    {
      group: 'Teams',
      items: (ownerList.data?.teams ?? [])
        .filter((t) => t.viewable)
        .map((t) => ({ value: `team:${t.id}`, label: t.name })),
    },
  ];

  const newAt = (day: string, hour = 9) =>
    setDialog({
      activity: null,
      defaults: { startsAt: zonedIso(day, `${String(hour).padStart(2, '0')}:00`, me.timeZone) },
    });
  const open = (a: Activity) => setDialog({ activity: a, defaults: {} });

  return (
    <Page
      title="Calendar"
      description={`Activities in your time zone (${me.timeZone}).`}
      actions={
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => newAt(view === 'day' ? anchor : today)}
        >
          New activity
        </Button>
      }
    >
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="wrap">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Previous ${view}`}
              onClick={() => setAnchor(step(view, anchor, -1))}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Button variant="default" onClick={() => setAnchor(today)}>
              Today
            </Button>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Next ${view}`}
              onClick={() => setAnchor(step(view, anchor, 1))}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
            <Text fw={700} fz="lg" component="h2" m={0} aria-live="polite" data-testid="calendar-title">
              {viewTitle(view, anchor)}
            </Text>
          </Group>
          <SegmentedControl
            aria-label="Calendar view"
            value={view}
            onChange={(v) => setView(v as CalendarView)}
            data={[
              { value: 'day', label: 'Day' },
              { value: 'week', label: 'Week' },
              { value: 'month', label: 'Month' },
            ]}
          />
        </Group>
        <MultiSelect
          mt="sm"
          label="Show activities of"
          description="Empty: everything you may see (yours, your teams’, users granted to you, and on your records)."
          data={ownerOptions}
          value={owners}
          onChange={setOwners}
          searchable
          clearable
          maw={520}
        />
      </Paper>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.truncated ? (
        <Text c="orange" size="sm">
          Not every activity fits: narrow the view or the owners.
        </Text>
      ) : null}
      <Paper withBorder radius="md" aria-busy={list.isFetching}>
        {view === 'month' ? (
          <MonthGrid
            days={days}
            month={anchor.slice(0, 7)}
            today={today}
            byDay={buckets.byDay}
            timeZone={me.timeZone}
            onOpen={open}
            onNew={(day) => newAt(day)}
            onShowDay={(day) => go({ date: day, view: 'day' })}
          />
        ) : (
          <TimeGrid
            days={days}
            today={today}
            byHour={buckets.byHour}
            timeZone={me.timeZone}
            onOpen={open}
            onNew={newAt}
          />
        )}
      </Paper>
      <ActivityDialog
        opened={dialog !== null}
        activity={dialog?.activity ?? null}
        defaults={dialog?.defaults ?? {}}
        onClose={() => setDialog(null)}
      />
    </Page>
  );
}
