import { MantineProvider, Text } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BookingPage } from '../features/booking/routes/booking-page';
import { ManageBookingPage } from '../features/booking/routes/manage-booking-page';
import { SignFormPage } from './forms/sign-page';
import { VerifyPage } from './forms/verify-page';
import { isApiError } from '../lib/problem';
import { baseTheme, cssVariablesResolver } from '../app/base-theme';
import { LanguageProvider, useMessages } from './kit/i18n';
import { kitMessages } from './kit/messages';
import { PublicLayout } from './kit/public-layout';
import { matchPath, usePathname } from './kit/router';

/**
 * The public pages (no sign-in): the booking page and its manage link today; the forms to sign
 * (/forms/…) and Rx Collect (/rx/…) join here. The server sends public.html for these paths.
 */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => count < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

function Page() {
  const pathname = usePathname();
  const manage = matchPath('/book/:slug/manage/:token', pathname);
  if (manage) return <ManageBookingPage slug={manage.slug!} token={manage.token!} />;
  const book = matchPath('/book/:slug', pathname);
  if (book) return <BookingPage slug={book.slug!} />;
  const form = matchPath('/forms/:token', pathname);
  if (form) return <SignFormPage token={form.token!} />;
  if (matchPath('/verify', pathname)) return <VerifyPage />;
  return <NotFound />;
}

function NotFound() {
  const t = useMessages(kitMessages);
  return (
    <PublicLayout title={t.notFoundTitle} brand="OpenAMS">
      <Text>{t.notFoundBody}</Text>
    </PublicLayout>
  );
}

export function PublicApp() {
  return (
    <MantineProvider theme={baseTheme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <LanguageProvider>
        <QueryClientProvider client={queryClient}>
          <Page />
        </QueryClientProvider>
      </LanguageProvider>
    </MantineProvider>
  );
}
