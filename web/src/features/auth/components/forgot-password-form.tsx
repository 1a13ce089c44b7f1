import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useRequestPasswordReset } from '../api/request-password-reset';

export function ForgotPasswordForm() {
  const request = useRequestPasswordReset();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { login: '' },
    validate: { login: (v) => (v.trim() ? null : 'Enter your username or email.') },
  });

  if (request.isSuccess) {
    return (
      <Alert
        color="green"
        variant="light"
        title="Check your email"
        icon={<IconMailCheck aria-hidden />}
        role="status"
      >
        If that account exists, we emailed a link to reset the password. The link works once, for one hour.
      </Alert>
    );
  }

  const submit = form.onSubmit(({ login }) => {
    setFormError(null);
    request.mutate(login.trim(), { onError: (error) => setFormError(applyProblemToForm(form, error)) });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not send the link">{formError}</ErrorAlert> : null}
        <TextInput
          label="Username or email"
          required
          autoComplete="username"
          data-autofocus
          {...form.getInputProps('login')}
        />
        <Button type="submit" size="md" fullWidth loading={request.isPending}>
          Email me a reset link
        </Button>
      </Stack>
    </form>
  );
}
