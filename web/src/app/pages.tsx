import { Button, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { createContext, useContext } from 'react';
import { AuthLayout } from '../components/auth-layout';
import { Page } from '../components/page';
import { ButtonLink } from '../components/links';
import { errorMessage } from '../lib/problem';
import { useDocumentTitle } from '../lib/use-document-title';

/** True under the signed-in shell (AppLayout), which renders the page's <main>. */
export const InShellContext = createContext(false);

export function NotFoundPage() {
  return (
    <AuthLayout title="Page not found" description="There is no page at this address.">
      <ButtonLink to="/" fullWidth>
        Go to the home page
      </ButtonLink>
    </AuthLayout>
  );
}

/**
 * Set by a route guard (in the route context) when the signed-in user lacks what a page needs: the
 * signed-in shell then shows NoAccessPage at that address instead of the page.
 */
export type NoAccess = { area: string; reason?: string };

/** The page at an address the user may not open: what they lack, whom to ask, and a way on. */
export function NoAccessPage({ area, reason }: NoAccess) {
  return (
    <Page title={`You don’t have access to ${area}`}>
      <Text maw={560}>
        {reason ?? 'Your security group or record type access does not include it.'} Ask an administrator if
        you need it.
      </Text>
      <ButtonLink to="/" w="fit-content">
        Go to the home page
      </ButtonLink>
    </Page>
  );
}

/** Shown when a route fails to load (e.g. the server is unreachable). */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  // Inside the signed-in shell the page already has its <main>.
  const inShell = useContext(InShellContext);
  useDocumentTitle('Something went wrong');
  return (
    <Stack
      component={inShell ? 'div' : 'main'}
      id={inShell ? undefined : 'main'}
      p="xl"
      maw={560}
      mx={inShell ? undefined : 'auto'}
      mt={inShell ? 0 : 80}
      gap="md"
    >
      <Title order={1}>Something went wrong</Title>
      <Text>{errorMessage(error)}</Text>
      <Button
        w="fit-content"
        onClick={() => {
          reset();
          void router.invalidate();
        }}
      >
        Try again
      </Button>
    </Stack>
  );
}
