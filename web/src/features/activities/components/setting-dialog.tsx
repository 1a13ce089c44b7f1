import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { applyProblemToForm } from '../../../lib/form-errors';
import { type SettingKind, useSaveActivitySetting } from '../api/save-activity-setting';

export type SettingRow = {
  id: string;
  name: string;
  category?: 'appointment' | null;
  isClosed?: boolean;
  isCancelled?: boolean;
  active: boolean;
};

type Values = { name: string; appointment: boolean; isClosed: boolean; isCancelled: boolean };

/** Add or rename an Activity Type (and its Appointment category) or an Activity Status. */
export function SettingDialog({
  kind,
  row,
  opened,
  canCategorise,
  onClose,
}: {
  kind: SettingKind;
  row: SettingRow | null;
  opened: boolean;
  canCategorise: boolean;
  onClose: () => void;
}) {
  const save = useSaveActivitySetting(kind);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', appointment: false, isClosed: false, isCancelled: false },
    validate: { name: (v) => (v.trim() ? null : 'Required.') },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      name: row?.name ?? '',
      appointment: row?.category === 'appointment',
      isClosed: row?.isClosed ?? false,
      isCancelled: row?.isCancelled ?? false,
    });
    setError(null);
  }, [opened, row?.id]);
  const noun = kind === 'types' ? 'activity type' : 'activity status';
  const submit = form.onSubmit((v) => {
    const values =
      kind === 'types'
        ? {
            name: v.name.trim(),
            ...(canCategorise ? { category: v.appointment ? ('appointment' as const) : null } : {}),
          }
        : { name: v.name.trim(), isClosed: v.isClosed || v.isCancelled, isCancelled: v.isCancelled };
    save.mutate(
      { id: row?.id ?? null, values },
      { onSuccess: onClose, onError: (e) => setError(applyProblemToForm(form, e)) },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={row ? `Edit ${noun}` : `New ${noun}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          ) : null}
          <TextInput label="Name" required maxLength={60} data-autofocus {...form.getInputProps('name')} />
          {kind === 'types' ? (
            <Checkbox
              label="In the Appointment category"
              description={
                canCategorise
                  ? 'Activities of this type block their owner’s calendar for the Appointment Scheduler.'
                  : 'Needs the activity_types.manage permission.'
              }
              disabled={!canCategorise}
              {...form.getInputProps('appointment', { type: 'checkbox' })}
            />
          ) : (
            <>
              <Checkbox
                label="Closed (the activity is done)"
                {...form.getInputProps('isClosed', { type: 'checkbox' })}
              />
              <Checkbox
                label="Cancels the activity (frees an appointment’s time)"
                {...form.getInputProps('isCancelled', { type: 'checkbox' })}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
