import { Button, Divider, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { PACKAGE_OPTIONS } from '../../../lib/packages';
import { browserTimeZone, timeZoneOptions } from '../../../lib/time-zones';
import { type SetupInput, useCompleteSetup } from '../api/complete-setup';

type Values = {
  name: string;
  package: string;
  timeZone: string;
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  password: string;
  confirmPassword: string;
};

const required = (label: string) => (v: string) => (v.trim() ? null : `${label} is required.`);

export function SetupForm({ onDone }: { onDone: () => void }) {
  const setup = useCompleteSetup();
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneOptions(), []);
  const form = useForm<Values>({
    initialValues: {
      name: '',
      package: '',
      timeZone: browserTimeZone(),
      firstName: '',
      lastName: '',
      email: '',
      username: '',
      password: '',
      confirmPassword: '',
    },
    validate: {
      name: required('Agency name'),
      package: (v) => (v ? null : 'Choose a package.'),
      timeZone: (v) => (v ? null : 'Choose a time zone.'),
      firstName: required('First name'),
      lastName: required('Last name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address.'),
      username: (v) =>
        v.trim().length < 3
          ? 'Must be at least 3 characters.'
          : /^[A-Za-z0-9._@-]+$/.test(v.trim())
            ? null
            : 'Use letters, digits, dot, underscore, hyphen or @.',
      password: (v) => (v.length >= 10 ? null : 'Must be at least 10 characters.'),
      confirmPassword: (v, values) => (v === values.password ? null : 'The passwords do not match.'),
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const body: SetupInput = {
      name: v.name.trim(),
      package: v.package as SetupInput['package'],
      timeZone: v.timeZone,
      admin: {
        email: v.email.trim(),
        username: v.username.trim(),
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        password: v.password,
        timeZone: v.timeZone,
      },
    };
    setup.mutate(body, {
      onSuccess: onDone,
      onError: (error) =>
        setFormError(
          applyProblemToForm(form, error, {
            'admin.email': 'email',
            'admin.username': 'username',
            'admin.firstName': 'firstName',
            'admin.lastName': 'lastName',
            'admin.password': 'password',
            'admin.timeZone': 'timeZone',
          }),
        ),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Setup failed">{formError}</ErrorAlert> : null}
        <Divider label="Agency" labelPosition="left" />
        <TextInput
          label="Agency name"
          required
          autoComplete="organization"
          data-autofocus
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Package"
            required
            placeholder="Choose a package"
            data={PACKAGE_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('package')}
          />
          <Select
            label="Time zone"
            required
            searchable
            data={zones}
            limit={100}
            allowDeselect={false}
            nothingFoundMessage="No matching time zone"
            {...form.getInputProps('timeZone')}
          />
        </SimpleGrid>
        <Divider label="Administrator" labelPosition="left" mt="xs" />
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
        <TextInput
          label="Email"
          type="email"
          required
          autoComplete="email"
          {...form.getInputProps('email')}
        />
        <TextInput
          label="Username"
          required
          autoComplete="username"
          description="Used to sign in, together with the email."
          {...form.getInputProps('username')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PasswordInput
            label="Password"
            required
            autoComplete="new-password"
            description="At least 10 characters."
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Confirm password"
            required
            autoComplete="new-password"
            {...form.getInputProps('confirmPassword')}
          />
        </SimpleGrid>
        <Button type="submit" size="md" loading={setup.isPending} mt="xs">
          Create agency
        </Button>
      </Stack>
    </form>
  );
}
