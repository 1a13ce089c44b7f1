import { getRouteApi, useRouter } from '@tanstack/react-router';
import { AuthLayout } from '../../../components/auth-layout';
import { LoginForm } from '../components/login-form';

const route = getRouteApi('/login');

/** Where to go after signing in: a same-origin path only (never another site). */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (/^\/(login|setup|forgot-password|reset-password)(\/|\?|$)/.test(target)) return '/';
  return target;
}

export function LoginPage() {
  const { redirect } = route.useSearch();
  const router = useRouter();
  return (
    <AuthLayout title="Sign in" description="Welcome back. Sign in to your agency’s OpenAMS.">
      <LoginForm
        onSignedIn={(mustChangePassword) => {
          if (mustChangePassword) void router.navigate({ to: '/change-password' });
          else router.history.push(safeRedirect(redirect));
        }}
      />
    </AuthLayout>
  );
}
