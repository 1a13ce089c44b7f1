import { getRouteApi } from '@tanstack/react-router';
import { AuthLayout } from '../../../components/auth-layout';
import { ResetPasswordForm } from '../components/reset-password-form';

const route = getRouteApi('/reset-password');

export function ResetPasswordPage() {
  const { token } = route.useSearch();
  return (
    <AuthLayout title="Choose a new password" description="Pick a new password for your OpenAMS sign-in.">
      <ResetPasswordForm token={token} />
    </AuthLayout>
  );
}
