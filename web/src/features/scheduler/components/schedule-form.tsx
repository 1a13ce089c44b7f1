import { Alert, Button, Divider, Group, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { FormSection } from '../../../components/form-section';
import { applyProblemToForm } from '../../../lib/form-errors';
import type { ActivityStatus, ActivityType } from '../../../lib/queries/activities';
import type { UserSummary } from '../../../lib/queries/users';
import { timeZoneOptions } from '../../../lib/time-zones';
import { useCreateSchedule } from '../api/create-schedule';
import type { Schedule } from '../api/list-schedules';
import { useUpdateSchedule } from '../api/update-schedule';
import { CopyLinkButton } from './copy-link-button';
import { DaysOffEditor, OverridesEditor, WeeklyHoursEditor } from './hours-editors';
import { QuestionsEditor } from './questions-editor';
import {
  scheduleInput,
  type ScheduleValues,
  scheduleValues,
  slugify,
  validateSchedule,
} from './schedule-values';
import { UserOrderEditor } from './user-order-editor';

/** API problem paths that name a different field of the form. */
const PATHS: Record<string, string> = { dateOverrides: 'overrides', 'form.phoneRequired': 'phoneRequired' };

export function ScheduleForm({
  schedule,
  users,
  types,
  statuses,
  accountTimeZone,
}: {
  schedule: Schedule | null;
  users: UserSummary[];
  types: ActivityType[];
  statuses: ActivityStatus[];
  accountTimeZone: string;
}) {
  const navigate = useNavigate();
  const create = useCreateSchedule();
  const update = useUpdateSchedule();
  const [formError, setFormError] = useState<string | null>(null);
  const appointmentType = types.find((t) => t.category === 'appointment' && t.active);
  const scheduled = statuses.find((s) => !s.isClosed && s.active);
  const form = useForm<ScheduleValues>({
    initialValues: scheduleValues(schedule, {
      timeZone: accountTimeZone,
      activityTypeId: appointmentType?.id ?? null,
      activityStatusId: scheduled?.id ?? null,
    }),
    validate: validateSchedule,
  });
  const v = form.getValues();
  const chosenType = types.find((t) => t.id === v.activityTypeId);
  const personal = Boolean(v.ownerUserId);

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      const body = scheduleInput(values);
      const onError = (e: unknown) => {
        const paths = { ...PATHS };
        // Problems inside dateOverrides.N.hours map to the editor's rows.
        for (let i = 0; i < values.overrides.length; i++)
          for (let j = 0; j < 10; j++) {
            paths[`dateOverrides.${i}.date`] = `overrides.${i}.date`;
            paths[`dateOverrides.${i}.hours.${j}`] = `overrides.${i}.ranges.${j}.end`;
            paths[`dateOverrides.${i}.hours.${j}.end`] = `overrides.${i}.ranges.${j}.end`;
          }
        for (const d of Object.keys(values.weeklyHours))
          for (let j = 0; j < 10; j++) paths[`weeklyHours.${d}.${j}`] = `weeklyHours.${d}.${j}.end`;
        setFormError(applyProblemToForm(form, e, paths));
      };
      const onSuccess = (saved: Schedule) => {
        notifications.show({ color: 'green', title: 'Schedule saved', message: `“${saved.name}” is saved.` });
        void navigate({ to: '/settings/schedules' });
      };
      if (schedule) {
        const { ownerUserId: _o, ...patch } = body;
        update.mutate({ id: schedule.id, patch }, { onSuccess, onError });
      } else create.mutate(body, { onSuccess, onError });
    },
    () => setFormError('Some fields need attention: see the messages next to them.'),
  );

  const userOptions = users
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.firstName} ${u.lastName} (${u.username})` }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xl">
        {formError ? <ErrorAlert title="Could not save the schedule">{formError}</ErrorAlert> : null}
        <FormSection
          title="Schedule"
          description="What bookers see, and the address of the public booking page."
        >
          <TextInput
            label="Name"
            required
            maxLength={100}
            {...form.getInputProps('name')}
            onBlur={() => {
              if (!schedule && !v.slug && v.name.trim()) form.setFieldValue('slug', slugify(v.name));
            }}
          />
          <TextInput
            label="Public link"
            description={`${window.location.origin}/book/${v.slug || '…'}`}
            required
            maxLength={60}
            {...form.getInputProps('slug')}
          />
          {schedule ? <CopyLinkButton url={schedule.publicUrl} /> : null}
          <Select
            label="Time zone of the hours"
            data={timeZoneOptions(v.timeZone)}
            searchable
            allowDeselect={false}
            {...form.getInputProps('timeZone')}
          />
          <Switch
            label="Active: the public page takes bookings"
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        </FormSection>
        <Divider />
        <FormSection
          title="Appointments"
          description="Slots step by the appointment length. Buffers keep free time around each appointment."
        >
          <Group grow wrap="wrap" align="flex-start">
            <NumberInput
              label="Length (minutes)"
              min={5}
              max={480}
              step={5}
              required
              {...form.getInputProps('lengthMinutes')}
            />
            <NumberInput
              label="Buffer before (minutes)"
              min={0}
              max={240}
              step={5}
              {...form.getInputProps('bufferBeforeMinutes')}
            />
            <NumberInput
              label="Buffer after (minutes)"
              min={0}
              max={240}
              step={5}
              {...form.getInputProps('bufferAfterMinutes')}
            />
          </Group>
          <Group grow wrap="wrap" align="flex-start">
            <NumberInput
              label="Minimum notice (minutes)"
              description="How soon the first slot may start."
              min={0}
              max={43200}
              step={15}
              {...form.getInputProps('minimumNoticeMinutes')}
            />
            <NumberInput
              label="Booking horizon (days)"
              description="Bookable days, today included."
              min={1}
              max={365}
              {...form.getInputProps('horizonDays')}
            />
          </Group>
          <Group grow wrap="wrap" align="flex-start">
            <Select
              label="Activity type"
              required
              data={types
                .filter((t) => t.active || t.id === v.activityTypeId)
                .map((t) => ({ value: t.id, label: t.name }))}
              allowDeselect={false}
              {...form.getInputProps('activityTypeId')}
            />
            <Select
              label="Activity status"
              required
              data={statuses
                .filter((s) => (s.active && !s.isClosed) || s.id === v.activityStatusId)
                .map((s) => ({ value: s.id, label: s.name }))}
              allowDeselect={false}
              {...form.getInputProps('activityStatusId')}
            />
          </Group>
          {chosenType && chosenType.category !== 'appointment' ? (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconInfoCircle aria-hidden />}
              title="This type does not block time"
            >
              “{chosenType.name}” is not in the Appointment category: bookings are recorded but do not block
              the user’s calendar, so the same slot can be booked again.
            </Alert>
          ) : null}
        </FormSection>
        <Divider />
        <FormSection
          title="Weekly hours"
          description="When appointments can start, in the schedule’s time zone. Add two ranges for a break."
        >
          <WeeklyHoursEditor form={form} />
        </FormSection>
        <Divider />
        <FormSection title="Dates" description="Other hours on some dates, and whole days off.">
          <OverridesEditor form={form} />
          <DaysOffEditor form={form} />
        </FormSection>
        <Divider />
        <FormSection
          title="Users"
          description="A booking goes to the first user on the list who is free then. The order never rotates."
        >
          {schedule ? null : (
            <Select
              label="Personal schedule of"
              description="Leave empty for an agency schedule with a list of users. A personal schedule’s hours are that user’s own hours on every schedule."
              data={userOptions}
              placeholder="No one: an agency schedule"
              clearable
              searchable
              value={v.ownerUserId || null}
              onChange={(id) => form.setFieldValue('ownerUserId', id ?? '')}
            />
          )}
          {personal ? null : <UserOrderEditor form={form} users={users} />}
        </FormSection>
        <Divider />
        <FormSection title="Booking form" description="What bookers fill in after choosing a time.">
          <QuestionsEditor form={form} />
        </FormSection>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate({ to: '/settings/schedules' })}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {schedule ? 'Save schedule' : 'Create schedule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
