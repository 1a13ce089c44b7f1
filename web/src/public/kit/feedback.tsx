import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../../lib/problem';
import { kitMessages } from './messages';
import { useMessages } from './i18n';

/** A spinner that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const t = useMessages(kitMessages);
  return (
    <Center mih={160} role="status">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed" size="sm">
          {label ?? t.loading}
        </Text>
      </Group>
    </Center>
  );
}

/** An error above a form or in place of content that failed to load. */
export function ErrorAlert({
  title,
  children,
  onRetry,
}: {
  title: string;
  children: ReactNode;
  onRetry?: () => void;
}) {
  const t = useMessages(kitMessages);
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap="xs" align="flex-start">
        <div>{children}</div>
        {onRetry ? (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t.tryAgain}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** A failed query: the server's explanation and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useMessages(kitMessages);
  return (
    <ErrorAlert title={t.couldNotLoad} {...(onRetry ? { onRetry } : {})}>
      {errorMessage(error)}
    </ErrorAlert>
  );
}
