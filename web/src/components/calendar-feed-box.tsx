import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarShare, IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../lib/api-client';
import { useDateTimeFormat } from '../lib/format';
import { errorMessage } from '../lib/problem';
import { Loading, QueryError } from './feedback';

const feedKey = ['calendar-feed'] as const;

/**
 * The profile's private calendar (ICS) feed: create it, copy the URL (shown only right after it is
 * created or rotated: the server keeps only a hash), rotate it, revoke it.
 */
export function CalendarFeedBox() {
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: feedKey, queryFn: () => unwrap(api.GET('/api/v1/me/calendar-feed')) });
  const [url, setUrl] = useState<string | null>(null);
  const fmt = useDateTimeFormat();
  const rotate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/calendar-feed')),
    onSuccess: (data) => {
      setUrl(data.url ?? null);
      void queryClient.invalidateQueries({ queryKey: feedKey });
    },
    onError: (e) =>
      notifications.show({ color: 'red', title: 'Could not create the feed', message: errorMessage(e) }),
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/calendar-feed')),
    onSuccess: () => {
      setUrl(null);
      void queryClient.invalidateQueries({ queryKey: feedKey });
      notifications.show({
        color: 'green',
        title: 'Calendar feed revoked',
        message: 'Its URL no longer works.',
      });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Could not revoke', message: errorMessage(e) }),
  });

  if (feed.isPending) return <Loading label="Loading your calendar feed…" minHeight={80} />;
  if (feed.isError) return <QueryError error={feed.error} onRetry={() => void feed.refetch()} />;
  const active = feed.data.active;
  return (
    <Stack gap="sm">
      {url ? (
        <>
          <TextInput
            label="Your private feed URL"
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            data-testid="calendar-feed-url"
          />
          <Alert color="yellow" variant="light">
            Copy it now: for your security it is shown only once. Anyone with this URL can read your calendar.
          </Alert>
          <Group>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy URL'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </>
      ) : (
        <Text size="sm" data-testid="calendar-feed-status">
          {active
            ? `A feed URL is active (created ${fmt(feed.data.createdAt)}; last read ${fmt(feed.data.lastUsedAt)}). Rotate it to see a new URL.`
            : 'No feed yet. Create one and subscribe to it from Google Calendar, Outlook or Apple Calendar.'}
        </Text>
      )}
      <Group gap="xs">
        <Button
          leftSection={<IconCalendarShare size={16} aria-hidden />}
          variant={active ? 'default' : 'filled'}
          loading={rotate.isPending}
          onClick={() => rotate.mutate()}
        >
          {active ? 'Rotate URL' : 'Create feed URL'}
        </Button>
        {active ? (
          <Button variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            Revoke
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
