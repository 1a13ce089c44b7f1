import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { badInputMessage, isBadInput } from '../../lib/bad-input';
import { useDeleteActivity } from '../../lib/activities/delete-activity';
import { type ActivityInput, useSaveActivity } from '../../lib/activities/save-activity';
import { useSetActivityDone } from '../../lib/activities/set-activity-done';
import { fromLocalInput, toLocalInput } from '../../lib/activities/zoned';
import { applyProblemToForm } from '../../lib/form-errors';
import { errorMessage, isApiError } from '../../lib/problem';
import {
  type Activity,
  useActivityOwners,
  useActivityStatuses,
  useActivityTypes,
} from '../../lib/queries/activities';
import { useMe } from '../../lib/session';
import { DateField } from '../date-field';
import { RecordPicker, type RecordRef } from './record-picker';

/** Where a new activity goes: a record, and/or a start time (clicked on the calendar). */
export type ActivityDefaults = {
  salesRecordId?: string;
  individualId?: string;
  startsAt?: string;
};

type Values = {
  subject: string;
  activityTypeId: string;
  statusId: string;
  owner: string;
  timing: 'timed' | 'due';
  startsAt: string;
  endsAt: string;
  dueAt: string;
  notes: string;
  /** A new activity's record, when it did not come with one (picked in the dialog). */
  record: RecordRef | null;
};

const HOUR = 3_600_000;

function initialValues(a: Activity | null, d: ActivityDefaults, meId: string, timeZone: string): Values {
  if (a)
    return {
      subject: a.subject,
      activityTypeId: a.activityTypeId,
      statusId: a.statusId,
      owner: a.ownerUserId ? `user:${a.ownerUserId}` : `team:${a.ownerTeamId}`,
      timing: a.startsAt ? 'timed' : 'due',
      startsAt: toLocalInput(a.startsAt, timeZone),
      endsAt: toLocalInput(a.endsAt, timeZone),
      dueAt: toLocalInput(a.dueAt, timeZone),
      notes: a.notes,
      record: null,
    };
  const start = d.startsAt ?? new Date(Math.ceil(Date.now() / HOUR) * HOUR).toISOString();
  const end = new Date(new Date(start).getTime() + HOUR / 2).toISOString();
  return {
    subject: '',
    activityTypeId: '',
    statusId: '',
    owner: `user:${meId}`,
    timing: 'timed',
    startsAt: toLocalInput(start, timeZone),
    endsAt: toLocalInput(end, timeZone),
    dueAt: toLocalInput(start, timeZone),
    notes: '',
    record: null,
  };
}

/**
 * Add or edit an activity: subject, type, status, owner (a user or a team), a start and end time
 * or a due time (in the user's time zone), notes. An activity the user may only see opens read-only.
 */
export function ActivityDialog({
  opened,
  activity,
  defaults = {},
  onClose,
}: {
  opened: boolean;
  activity: Activity | null;
  defaults?: ActivityDefaults;
  onClose: () => void;
}) {
  const me = useMe();
  const types = useActivityTypes();
  const statuses = useActivityStatuses();
  const owners = useActivityOwners();
  const save = useSaveActivity();
  const done = useSetActivityDone();
  const remove = useDeleteActivity();
  const [formError, setFormError] = useState<string | null>(null);
  /** A save refused because the time overlaps another activity of the owner: ask, then send again. */
  const [overlap, setOverlap] = useState<{ detail: string; body: ActivityInput } | null>(null);
  const pickRecord = !activity && !defaults.salesRecordId && !defaults.individualId;
  const readOnly = activity !== null && !activity.canEdit;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValues(activity, defaults, me.id, me.timeZone),
    validate: {
      subject: (v) => (v.trim() ? null : 'Required.'),
      activityTypeId: (v) => (v ? null : 'Choose a type.'),
      startsAt: (v, all) =>
        all.timing === 'timed' && isBadInput(v) ? badInputMessage('datetime-local') : null,
      endsAt: (v, all) =>
        all.timing === 'timed' && isBadInput(v) ? badInputMessage('datetime-local') : null,
      dueAt: (v, all) => (all.timing === 'due' && isBadInput(v) ? badInputMessage('datetime-local') : null),
    },
  });
  const firstOpenStatus = statuses.data?.find((s) => s.active && !s.isClosed)?.id ?? '';
  const firstType = types.data?.find((t) => t.active)?.id ?? '';

  useEffect(() => {
    if (!opened) return;
    const v = initialValues(activity, defaults, me.id, me.timeZone);
    form.setValues({
      ...v,
      activityTypeId: v.activityTypeId || firstType,
      statusId: v.statusId || firstOpenStatus,
    });
    form.resetDirty();
    setFormError(null);
    setOverlap(null);
  }, [opened, activity?.id, defaults.startsAt, firstType, firstOpenStatus]);

  const typeOptions = (types.data ?? [])
    .filter((t) => t.active || t.id === activity?.activityTypeId)
    .map((t) => ({ value: t.id, label: t.category === 'appointment' ? `${t.name} (appointment)` : t.name }));
  const statusOptions = (statuses.data ?? [])
    .filter((s) => s.active || s.id === activity?.statusId)
    .map((s) => ({ value: s.id, label: s.isClosed ? `${s.name} (closed)` : s.name }));
  const ownerOptions = [
    {
      group: 'Users',
      items: (owners.data?.users ?? []).map((u) => ({
        value: `user:${u.id}`,
        label: u.id === me.id ? `${u.firstName} ${u.lastName} (me)` : `${u.firstName} ${u.lastName}`,
      })),
    },
    {
      group: 'Teams',
      items: (owners.data?.teams ?? []).map((t) => ({ value: `team:${t.id}`, label: t.name })),
    },
  ];

  const send = (body: ActivityInput) =>
    save.mutate(
      { id: activity?.id ?? null, body },
      {
        onSuccess: () => {
          setOverlap(null);
          notifications.show({
            color: 'green',
            title: activity ? 'Activity saved' : 'Activity added',
            message: body.subject,
          });
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'activity-overlap')
            return setOverlap({ detail: e.problem.detail, body });
          setOverlap(null);
          setFormError(applyProblemToForm(form, e, { ownerUserId: 'owner', ownerTeamId: 'owner' }));
        },
      },
    );

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const [recordKind, recordId] = (v.record?.split(':') ?? []) as [string?, string?];
    const [kind, ownerId] = v.owner.split(':') as ['user' | 'team', string];
    const timed = v.timing === 'timed';
    const body: ActivityInput = {
      subject: v.subject.trim(),
      activityTypeId: v.activityTypeId,
      statusId: v.statusId || null,
      ownerUserId: kind === 'user' ? ownerId : null,
      ownerTeamId: kind === 'team' ? ownerId : null,
      startsAt: timed ? fromLocalInput(v.startsAt, me.timeZone) : null,
      endsAt: timed ? fromLocalInput(v.endsAt, me.timeZone) : null,
      dueAt: timed ? null : fromLocalInput(v.dueAt, me.timeZone),
      notes: v.notes,
      ...(activity
        ? {}
        : {
            ...(defaults.salesRecordId ? { salesRecordId: defaults.salesRecordId } : {}),
            ...(defaults.individualId ? { individualId: defaults.individualId } : {}),
            ...(pickRecord && recordKind === 'sales_record' ? { salesRecordId: recordId } : {}),
            ...(pickRecord && recordKind === 'individual' ? { individualId: recordId } : {}),
          }),
    };
    send(body);
  });

  const toggleDone = () => {
    if (!activity) return;
    done.mutate(
      { id: activity.id, done: !activity.status.isClosed },
      { onSuccess: onClose, onError: (e) => setFormError(errorMessage(e)) },
    );
  };
  const doDelete = () => {
    if (!activity) return;
    remove.mutate(activity.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Activity deleted', message: activity.subject });
        onClose();
      },
      onError: (e) => setFormError(errorMessage(e)),
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={activity ? (readOnly ? 'Activity' : 'Edit activity') : 'New activity'}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label={activity ? 'Edit activity' : 'New activity'}>
        <Stack gap="sm">
          {formError ? (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          ) : null}
          {readOnly ? (
            <Text size="sm" c="dimmed">
              Only its owner, its team or its creator can change this activity.
            </Text>
          ) : null}
          {activity?.record ? (
            <Text size="sm">
              On{' '}
              {activity.record.kind === 'sales_record'
                ? 'Sales Record'
                : activity.record.kind === 'individual'
                  ? 'Individual'
                  : 'Agent'}
              : <strong>{activity.record.name}</strong>
            </Text>
          ) : null}
          <TextInput
            label="Subject"
            required
            maxLength={200}
            disabled={readOnly}
            data-autofocus
            {...form.getInputProps('subject')}
          />
          {pickRecord ? (
            <RecordPicker value={form.getValues().record} onChange={(r) => form.setFieldValue('record', r)} />
          ) : null}
          <Group grow align="flex-start">
            <Select
              label="Type"
              required
              data={typeOptions}
              allowDeselect={false}
              disabled={readOnly}
              {...form.getInputProps('activityTypeId')}
            />
            <Select
              label="Status"
              data={statusOptions}
              allowDeselect={false}
              disabled={readOnly}
              {...form.getInputProps('statusId')}
            />
          </Group>
          <Select
            label="Owner"
            data={ownerOptions}
            searchable
            allowDeselect={false}
            disabled={readOnly}
            {...form.getInputProps('owner')}
          />
          <SegmentedControl
            aria-label="Timing"
            data={[
              { value: 'timed', label: 'Start and end' },
              { value: 'due', label: 'Due by' },
            ]}
            disabled={readOnly}
            {...form.getInputProps('timing')}
          />
          {form.getValues().timing === 'timed' ? (
            <Group grow align="flex-start">
              <DateField
                type="datetime-local"
                label="Starts"
                disabled={readOnly}
                {...form.getInputProps('startsAt')}
              />
              <DateField
                type="datetime-local"
                label="Ends"
                disabled={readOnly}
                {...form.getInputProps('endsAt')}
              />
            </Group>
          ) : (
            <DateField
              type="datetime-local"
              label="Due"
              disabled={readOnly}
              {...form.getInputProps('dueAt')}
            />
          )}
          <Text size="xs" c="dimmed">
            Times are in your time zone ({me.timeZone}).
          </Text>
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            maxRows={8}
            disabled={readOnly}
            {...form.getInputProps('notes')}
          />
          {activity && Object.keys(activity.details).length > 0 ? (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                Details
              </Text>
              {Object.entries(activity.details).map(([k, v]) => (
                <Text size="sm" key={k}>
                  {k}: {typeof v === 'string' ? v : JSON.stringify(v)}
                </Text>
              ))}
            </Stack>
          ) : null}
          <Group justify="space-between" mt="sm">
            <Group gap="xs">
              {activity && !readOnly ? (
                <>
                  <Button variant="light" onClick={toggleDone} loading={done.isPending}>
                    {activity.status.isClosed ? 'Reopen' : 'Complete'}
                  </Button>
                  <Button variant="subtle" color="red" onClick={doDelete} loading={remove.isPending}>
                    Delete
                  </Button>
                </>
              ) : null}
            </Group>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {readOnly ? 'Close' : 'Cancel'}
              </Button>
              {readOnly ? null : (
                <Button type="submit" loading={save.isPending}>
                  {activity ? 'Save' : 'Add activity'}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={overlap !== null}
        onClose={() => setOverlap(null)}
        title="Overlapping activity"
        centered
        size="sm"
      >
        <Stack gap="md">
          <Text>{overlap?.detail}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOverlap(null)} data-autofocus>
              Change the time
            </Button>
            <Button
              loading={save.isPending}
              onClick={() => overlap && send({ ...overlap.body, confirmOverlap: true })}
            >
              Save anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Modal>
  );
}
