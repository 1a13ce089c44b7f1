import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import type { Me } from '../../../lib/session';
import { timeZoneOptions } from '../../../lib/time-zones';
import { useUpdateProfile } from '../api/update-profile';

type Values = { firstName: string; lastName: string; timeZone: string };

export function ProfileForm({ me }: { me: Me }) {
  const update = useUpdateProfile();
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneOptions(me.timeZone), [me.timeZone]);
  const form = useForm<Values>({
    initialValues: { firstName: me.firstName, lastName: me.lastName, timeZone: me.timeZone },
    validate: {
      firstName: (v) => (v.trim() ? null : 'First name is required.'),
      lastName: (v) => (v.trim() ? null : 'Last name is required.'),
      timeZone: (v) => (v ? null : 'Choose a time zone.'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(
      { firstName: values.firstName.trim(), lastName: values.lastName.trim(), timeZone: values.timeZone },
      {
        onSuccess: (saved) => {
          form.setValues({ firstName: saved.firstName, lastName: saved.lastName, timeZone: saved.timeZone });
          form.resetDirty();
          notifications.show({ color: 'green', title: 'Profile saved', message: 'Your changes are saved.' });
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the profile">{formError}</ErrorAlert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="First name"
            required
            autoComplete="given-name"
            {...form.getInputProps('firstName')}
          />
          <TextInput
            label="Last name"
            required
            autoComplete="family-name"
            {...form.getInputProps('lastName')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Email"
            value={me.email}
            readOnly
            variant="filled"
            description="Ask an administrator to change it."
          />
          <TextInput
            label="Username"
            value={me.username}
            readOnly
            variant="filled"
            description="Used to sign in."
          />
        </SimpleGrid>
        <Select
          label="Time zone"
          description="Dates and times are shown in this time zone."
          required
          searchable
          data={zones}
          limit={100}
          allowDeselect={false}
          nothingFoundMessage="No matching time zone"
          {...form.getInputProps('timeZone')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
