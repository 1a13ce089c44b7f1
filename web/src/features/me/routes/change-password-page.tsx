import { useNavigate } from '@tanstack/react-router';
import { notifications } from '@mantine/notifications';
import { AuthLayout } from '../../../components/auth-layout';
import { AnchorLink } from '../../../components/links';
import { useMe } from '../../../lib/session';
import { ChangePasswordForm } from '../components/change-password-form';

/** The forced change after a temporary password; also reachable by any signed-in user. */
export function ChangePasswordPage() {
  const me = useMe();
  const navigate = useNavigate();
  const forced = me.mustChangePassword;
  return (
    <AuthLayout
      title={forced ? 'Choose your password' : 'Change password'}
      description={
        forced
          ? `Welcome, ${me.firstName}. Replace the temporary password you were given with one of your own.`
          : 'Changing your password signs you out everywhere else.'
      }
      footer={forced ? undefined : <AnchorLink to="/profile">Back to your profile</AnchorLink>}
    >
      <ChangePasswordForm
        currentLabel={forced ? 'Temporary password' : 'Current password'}
        submitLabel={forced ? 'Set password and continue' : 'Change password'}
        fullWidth
        autoFocus
        onChanged={() => {
          notifications.show({
            color: 'green',
            title: 'Password changed',
            message: 'Your new password is set.',
          });
          void navigate({ to: '/' });
        }}
      />
    </AuthLayout>
  );
}
