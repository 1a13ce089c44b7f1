import { useNavigate } from '@tanstack/react-router';
import { AuthLayout } from '../../../components/auth-layout';
import { SetupForm } from '../components/setup-form';

/** First run: create the agency and its first administrator. */
export function SetupPage() {
  const navigate = useNavigate();
  return (
    <AuthLayout
      title="Set up OpenAMS"
      description="Create your agency and its first administrator. You can change these details later."
      width={600}
    >
      <SetupForm onDone={() => void navigate({ to: '/' })} />
    </AuthLayout>
  );
}
