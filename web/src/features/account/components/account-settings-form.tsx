import { Button, Divider, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { PACKAGE_LABELS } from '../../../lib/packages';
import type { Account } from '../../../lib/queries/account';
import { timeZoneOptions } from '../../../lib/time-zones';
import { useUpdateAccount } from '../api/update-account';

type Values = { name: string; timeZone: string; customFieldLabels: string[] };

const valuesOf = (account: Account): Values => ({
  name: account.name,
  timeZone: account.timeZone,
  customFieldLabels: [0, 1, 2, 3].map((i) => account.customFieldLabels[i] ?? `Custom field ${i + 1}`),
});

export function AccountSettingsForm({ account }: { account: Account }) {
  const update = useUpdateAccount();
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneOptions(account.timeZone), [account.timeZone]);
  const form = useForm<Values>({
    initialValues: valuesOf(account),
    validate: (v) => ({
      name: v.name.trim() ? null : 'The agency name is required.',
      timeZone: v.timeZone ? null : 'Choose a time zone.',
      ...Object.fromEntries(
        v.customFieldLabels.map((l, i) => [
          `customFieldLabels.${i}`,
          l.trim() ? null : 'Give the field a label.',
        ]),
      ),
    }),
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const labels = values.customFieldLabels.map((l) => l.trim()) as [string, string, string, string];
    update.mutate(
      { name: values.name.trim(), timeZone: values.timeZone, customFieldLabels: labels },
      {
        onSuccess: (saved) => {
          form.setValues(valuesOf(saved));
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
        <Divider my="xs" />
        <div>
          <Title order={2} fz="md">
            Custom user fields
          </Title>
          <Text size="sm" c="dimmed">
            Four fields every user has on the Sales tab of their settings, for things like a birthdate or a
            license state. Name them here.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {[0, 1, 2, 3].map((i) => (
            <TextInput
              key={i}
              label={`Custom field ${i + 1} label`}
              required
              maxLength={60}
              {...form.getInputProps(`customFieldLabels.${i}`)}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
