import { Button, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { AuthLayout } from '../components/auth-layout';
import { ButtonLink } from '../components/links';
import { errorMessage } from '../lib/problem';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFoundPage() {
  return (
    <AuthLayout title="Page not found" description="There is no page at this address.">
      <ButtonLink to="/" fullWidth>
        Go to the home page
      </ButtonLink>
    </AuthLayout>
  );
}

/** Shown when a route fails to load (e.g. the server is unreachable). */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  useDocumentTitle('Something went wrong');
  return (
    <Stack component="main" id="main" p="xl" maw={560} mx="auto" mt={80} gap="md">
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
