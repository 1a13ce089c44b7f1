import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { applyProblemToForm } from '../../../lib/form-errors';
import { errorMessage, isApiError } from '../../../lib/problem';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';

type Values = { newPassword: string; confirmPassword: string };

/** The reset link cannot be used: expired, already used (410) or not valid (400 on `token`). */
function DeadLink({ title, message }: { title: string; message: string }) {
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" title={title} icon={<IconLinkOff aria-hidden />} role="alert">
        {message}
      </Alert>
      <ButtonLink to="/forgot-password" variant="filled" fullWidth>
        Request a new link
      </ButtonLink>
    </Stack>
  );
}

export function ResetPasswordForm({ token }: { token: string | undefined }) {
  const confirm = useConfirmPasswordReset();
  const [formError, setFormError] = useState<string | null>(null);
  const [dead, setDead] = useState<{ title: string; message: string } | null>(
    token ? null : { title: 'This link is not valid', message: 'The reset link is incomplete.' },
  );
  const form = useForm<Values>({
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: {
      newPassword: (v) => (v.length >= 10 ? null : 'Must be at least 10 characters.'),
      confirmPassword: (v, values) => (v === values.newPassword ? null : 'The passwords do not match.'),
    },
  });

  if (dead) return <DeadLink {...dead} />;

  if (confirm.isSuccess) {
    return (
      <Stack gap="md">
        <Alert
          color="green"
          variant="light"
          title="Password changed"
          icon={<IconCircleCheck aria-hidden />}
          role="status"
        >
          Your new password is set and your other sessions were signed out.
        </Alert>
        <ButtonLink to="/login" fullWidth>
          Sign in
        </ButtonLink>
      </Stack>
    );
  }

  const submit = form.onSubmit((values) => {
    setFormError(null);
    confirm.mutate(
      { token: token ?? '', newPassword: values.newPassword },
      {
        onError: (error) => {
          if (isApiError(error) && error.status === 410) {
            setDead({ title: 'This link can no longer be used', message: errorMessage(error) });
          } else if (isApiError(error) && error.problem.errors?.some((e) => e.path === 'token')) {
            setDead({ title: 'This link is not valid', message: errorMessage(error) });
          } else {
            setFormError(applyProblemToForm(form, error));
          }
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not change the password">{formError}</ErrorAlert> : null}
        <PasswordInput
          label="New password"
          description="At least 10 characters."
          required
          autoComplete="new-password"
          data-autofocus
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="Confirm new password"
          required
          autoComplete="new-password"
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" size="md" fullWidth loading={confirm.isPending}>
          Set new password
        </Button>
        <Text size="sm" ta="center">
          <AnchorLink to="/login">Back to sign in</AnchorLink>
        </Text>
      </Stack>
    </form>
  );
}
