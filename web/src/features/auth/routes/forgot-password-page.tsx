import { AuthLayout } from '../../../components/auth-layout';
import { AnchorLink } from '../../../components/links';
import { ForgotPasswordForm } from '../components/forgot-password-form';

export function ForgotPasswordPage() {
  return (
    <AuthLayout
      title="Reset your password"
      description="Enter your username or email and we will email you a link to choose a new password."
      footer={<AnchorLink to="/login">Back to sign in</AnchorLink>}
    >
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
