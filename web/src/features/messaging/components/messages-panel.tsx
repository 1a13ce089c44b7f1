import { Button, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { useRecordMessages } from '../api/queries';
import type { Channel, RecordKind } from '../api/types';
import { ComposeDialog } from '../compose/compose-dialog';
import { MessageItem } from './message-item';

/**
 * A record's Messages tab: one timeline of its texts and emails, newest first, kept current by the
 * live events (LiveEvents in the layout), with Text and Email buttons when the user may send.
 */
export function MessagesPanel({
  kind,
  id,
  recipientName,
  canSend,
}: {
  kind: RecordKind;
  id: string;
  recipientName: string;
  canSend: boolean;
}) {
  const q = useRecordMessages(kind, id);
  const [compose, setCompose] = useState<Channel | null>(null);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      {canSend ? (
        <>
          <Group gap="sm">
            <Button leftSection={<IconMessage size={16} aria-hidden />} onClick={() => setCompose('sms')}>
              Text
            </Button>
            <Button
              variant="default"
              leftSection={<IconMail size={16} aria-hidden />}
              onClick={() => setCompose('email')}
            >
              Email
            </Button>
          </Group>
          <ComposeDialog
            opened={compose !== null}
            onClose={() => setCompose(null)}
            to={{ type: kind, id }}
            recipientName={recipientName}
            initialChannel={compose ?? 'sms'}
          />
        </>
      ) : null}
      {q.isPending ? (
        <Loading label="Loading messages…" />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          No texts or emails yet.
        </Text>
      ) : (
        <Stack gap="xs" role="feed" aria-label="Messages, newest first" aria-busy={q.isFetching}>
          {items.map((m) => (
            <MessageItem key={m.id} message={m} />
          ))}
          {q.hasNextPage ? (
            <Button variant="default" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
              Older messages
            </Button>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
