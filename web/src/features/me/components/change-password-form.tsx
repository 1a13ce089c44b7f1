import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

type ChangePasswordFormProps = {
  onChanged: () => void;
  /** Label of the current-password field (a forced change asks for the temporary one). */
  currentLabel?: string;
  submitLabel?: string;
  fullWidth?: boolean;
  autoFocus?: boolean;
};

export function ChangePasswordForm({
  onChanged,
  currentLabel = 'Current password',
  submitLabel = 'Change password',
  fullWidth = false,
  autoFocus = false,
}: ChangePasswordFormProps) {
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (v) => (v ? null : `Enter your ${currentLabel.toLowerCase()}.`),
      newPassword: (v, values) =>
        v.length < 10
          ? 'Must be at least 10 characters.'
          : v === values.currentPassword
            ? 'The new password must differ from the current one.'
            : null,
      confirmPassword: (v, values) => (v === values.newPassword ? null : 'The passwords do not match.'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          onChanged();
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  const button = (
    <Button type="submit" loading={change.isPending} fullWidth={fullWidth} size={fullWidth ? 'md' : 'sm'}>
      {submitLabel}
    </Button>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not change the password">{formError}</ErrorAlert> : null}
        <PasswordInput
          label={currentLabel}
          required
          autoComplete="current-password"
          {...(autoFocus ? { 'data-autofocus': true } : {})}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description="At least 10 characters."
          required
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="Confirm new password"
          required
          autoComplete="new-password"
          {...form.getInputProps('confirmPassword')}
        />
        {fullWidth ? button : <Group justify="flex-end">{button}</Group>}
      </Stack>
    </form>
  );
}
