import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { PACKAGE_LABELS } from '../../../lib/packages';
import { timeZoneOptions } from '../../../lib/time-zones';
import type { Account } from '../api/get-account';
import { useUpdateAccount } from '../api/update-account';

type Values = { name: string; timeZone: string };

export function AccountSettingsForm({ account }: { account: Account }) {
  const update = useUpdateAccount();
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneOptions(account.timeZone), [account.timeZone]);
  const form = useForm<Values>({
    initialValues: { name: account.name, timeZone: account.timeZone },
    validate: {
      name: (v) => (v.trim() ? null : 'The agency name is required.'),
      timeZone: (v) => (v ? null : 'Choose a time zone.'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(
      { name: values.name.trim(), timeZone: values.timeZone },
      {
        onSuccess: (saved) => {
          form.setValues({ name: saved.name, timeZone: saved.timeZone });
          form.resetDirty();
          notifications.show({
            color: 'green',
            title: 'Account saved',
            message: 'The account settings are saved.',
          });
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the account">{formError}</ErrorAlert> : null}
        <TextInput label="Agency name" required autoComplete="organization" {...form.getInputProps('name')} />
        <Select
          label="Agency time zone"
          description="The default for new users and for agency-wide schedules."
          required
          searchable
          data={zones}
          limit={100}
          allowDeselect={false}
          nothingFoundMessage="No matching time zone"
          {...form.getInputProps('timeZone')}
        />
        <TextInput
          label="Package"
          value={PACKAGE_LABELS[account.package]}
          readOnly
          variant="filled"
          leftSection={<IconLock size={16} aria-hidden />}
          description="The package decides which OpenAMS features your agency can use. It is changed by the operator of this OpenAMS installation, not from this page."
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
