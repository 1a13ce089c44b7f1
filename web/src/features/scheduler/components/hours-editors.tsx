import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  newKey,
  newRange,
  type RangeRow,
  type ScheduleValues,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from './schedule-values';

type Form = UseFormReturnType<ScheduleValues>;

/** The ranges of one day (`path` is e.g. `weeklyHours.monday`), each a start and an end time. */
function Ranges({ form, path, dayLabel }: { form: Form; path: string; dayLabel: string }) {
  const list = path
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], form.getValues()) as RangeRow[];
  return (
    <Stack gap={6}>
      {list.map((r, i) => (
        <Group key={r.key} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            type="time"
            step={300}
            aria-label={`${dayLabel}, range ${i + 1}, from`}
            w={130}
            {...form.getInputProps(`${path}.${i}.start`)}
          />
          <Text size="sm" pt={6} aria-hidden>
            to
          </Text>
          <TextInput
            type="time"
            step={300}
            aria-label={`${dayLabel}, range ${i + 1}, until`}
            w={130}
            {...form.getInputProps(`${path}.${i}.end`)}
          />
          <ActionIcon
            variant="subtle"
            color="red.9"
            mt={4}
            aria-label={`Remove ${dayLabel} range ${i + 1}`}
            onClick={() => form.removeListItem(path, i)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem(path, list.length ? newRange('13:00', '17:00') : newRange())}
        >
          {list.length ? `Add hours on ${dayLabel}` : `Open on ${dayLabel}`}
        </Button>
      </Group>
    </Stack>
  );
}

/** Weekly hours: per weekday, no ranges (closed) or several (e.g. a lunch break between two). */
export function WeeklyHoursEditor({ form }: { form: Form }) {
  const weekly = form.getValues().weeklyHours;
  return (
    <Stack gap="sm" data-testid="weekly-hours">
      {WEEKDAYS.map((d) => (
        <Group key={d} align="flex-start" gap="md" wrap="wrap" className="weekday-row">
          <Checkbox
            w={130}
            mt={6}
            label={WEEKDAY_LABELS[d]}
            checked={weekly[d].length > 0}
            onChange={(e) =>
              form.setFieldValue(`weeklyHours.${d}`, e.currentTarget.checked ? [newRange()] : [])
            }
          />
          {weekly[d].length ? (
            <Ranges form={form} path={`weeklyHours.${d}`} dayLabel={WEEKDAY_LABELS[d]} />
          ) : (
            <Text size="sm" c="dimmed" mt={6}>
              Closed
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** Other hours on particular dates (an override with no hours closes that date). */
export function OverridesEditor({ form }: { form: Form }) {
  const { overrides } = form.getValues();
  return (
    <Stack gap="sm">
      {overrides.map((o, i) => (
        <Group key={o.key} align="flex-start" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={`Date ${i + 1}`}
            w={170}
            {...form.getInputProps(`overrides.${i}.date`)}
          />
          <Stack gap={4} mt={24}>
            {o.ranges.length === 0 ? (
              <Text size="sm" c="dimmed">
                Closed all day
              </Text>
            ) : null}
            <Ranges form={form} path={`overrides.${i}.ranges`} dayLabel={o.date || `date ${i + 1}`} />
          </Stack>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            mt={28}
            onClick={() => form.removeListItem('overrides', i)}
          >
            Remove date {i + 1}
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem('overrides', { key: newKey(), date: '', ranges: [newRange()] })}
        >
          Add a date with other hours
        </Button>
      </Group>
    </Stack>
  );
}

/** Whole days off (holidays): no slots at all on these dates. */
export function DaysOffEditor({ form }: { form: Form }) {
  const { daysOff } = form.getValues();
  return (
    <Stack gap="xs">
      {daysOff.map((d, i) => (
        <Group key={i} gap="xs">
          <TextInput
            type="date"
            aria-label={`Day off ${i + 1}`}
            w={170}
            value={d}
            onChange={(e) => form.setFieldValue(`daysOff.${i}`, e.currentTarget.value)}
          />
          <ActionIcon
            variant="subtle"
            color="red.9"
            aria-label={`Remove day off ${d || i + 1}`}
            onClick={() => form.removeListItem('daysOff', i)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem('daysOff', new Date().toISOString().slice(0, 10))}
        >
          Add a day off
        </Button>
      </Group>
    </Stack>
  );
}
