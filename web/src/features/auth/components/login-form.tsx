import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { AnchorLink } from '../../../components/links';
import { applyProblemToForm } from '../../../lib/form-errors';
import { isApiError } from '../../../lib/problem';
import { useLogin } from '../api/login';

type Values = { login: string; password: string };

export function LoginForm({ onSignedIn }: { onSignedIn: (mustChangePassword: boolean) => void }) {
  const login = useLogin();
  const [formError, setFormError] = useState<{ title: string; message: string } | null>(null);
  const form = useForm<Values>({
    initialValues: { login: '', password: '' },
    validate: {
      login: (v) => (v.trim() ? null : 'Enter your username or email.'),
      password: (v) => (v ? null : 'Enter your password.'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    login.mutate(
      { login: values.login.trim(), password: values.password },
      {
        onSuccess: (session) => onSignedIn(session.mustChangePassword),
        onError: (error) => {
          const message = applyProblemToForm(form, error);
          if (!message) return;
          const status = isApiError(error) ? error.status : 0;
          const title =
            status === 401
              ? 'Sign-in failed'
              : status === 403
                ? 'Access refused'
                : status === 429
                  ? 'Too many attempts'
                  : 'Could not sign in';
          setFormError({ title, message });
          if (status === 401) form.setFieldValue('password', '');
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title={formError.title}>{formError.message}</ErrorAlert> : null}
        <TextInput
          label="Username or email"
          required
          autoComplete="username"
          data-autofocus
          {...form.getInputProps('login')}
        />
        <PasswordInput
          label="Password"
          required
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <AnchorLink to="/forgot-password" size="sm">
            Forgot password?
          </AnchorLink>
        </Group>
        <Button type="submit" size="md" fullWidth loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
