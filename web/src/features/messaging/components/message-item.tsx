import { Badge, Button, Group, List, Paper, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconMail, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { formatPhone, useDateTimeFormat } from '../../../lib/format';
import { errorMessage } from '../../../lib/problem';
import { useCancelMessage, useMessage } from '../api/queries';
import type { Message } from '../api/types';
import { statusOf } from './status';

/** One text or email on a timeline or in the inbox: who, when, what, and its delivery status. */
export function MessageItem({
  message: m,
  bold = false,
  showRecords = false,
  actions,
}: {
  message: Message;
  bold?: boolean;
  showRecords?: boolean;
  actions?: React.ReactNode;
}) {
  const formatTime = useDateTimeFormat();
  const inbound = m.direction === 'inbound';
  const cancel = useCancelMessage();
  const who = inbound ? formatAddress(m.channel, m.from) : (m.user?.name ?? 'System');
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="article"
      aria-label={`${inbound ? 'Received' : 'Sent'} ${m.channel === 'sms' ? 'text' : 'email'} ${formatTime(m.createdAt)}`}
      bg={inbound ? 'var(--mantine-color-blue-0)' : undefined}
      data-testid="message-item"
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            {m.channel === 'sms' ? <IconMessage size={16} aria-hidden /> : <IconMail size={16} aria-hidden />}
            {inbound ? (
              <IconArrowDownLeft size={14} aria-hidden />
            ) : (
              <IconArrowUpRight size={14} aria-hidden />
            )}
            <Text size="sm" fw={bold ? 700 : 600}>
              {inbound ? `From ${who}` : `${who} → ${formatAddress(m.channel, m.to)}`}
            </Text>
          </Group>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
            </Text>
            <StatusBadge message={m} />
          </Group>
        </Group>
        {m.subject ? (
          <Text size="sm" fw={bold ? 700 : 600}>
            {m.subject}
          </Text>
        ) : null}
        <Text
          size="sm"
          fw={bold ? 700 : undefined}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {m.body}
        </Text>
        {m.attachments.length ? (
          <Text size="xs" c="dimmed">
            Attachments: {m.attachments.map((a) => a.name).join(', ')}
          </Text>
        ) : null}
        {showRecords ? (
          <Text size="xs" c="dimmed">
            {m.records.length
              ? m.records.map((r) => r.name).join(', ')
              : 'Unknown sender — no matching record'}
          </Text>
        ) : null}
        {m.errorMessage ? (
          <Text size="xs" c="red.8">
            {m.errorMessage}
            {m.errorCode ? ` (${m.errorCode})` : ''}
          </Text>
        ) : null}
        {m.status === 'pending' ? (
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {m.sendAfter ? `Goes at ${formatTime(m.sendAfter)}` : 'Waiting to go'}
            </Text>
            <Button
              size="compact-xs"
              variant="default"
              loading={cancel.isPending}
              onClick={() => cancel.mutate(m.id)}
            >
              Cancel sending
            </Button>
            {cancel.error ? (
              <Text size="xs" c="red" role="alert">
                {errorMessage(cancel.error)}
              </Text>
            ) : null}
          </Group>
        ) : null}
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Stack>
    </Paper>
  );
}

const formatAddress = (channel: Message['channel'], a: string) => (channel === 'sms' ? formatPhone(a) : a);

/** The status as a badge; a click shows the history of delivery states the provider reported. */
function StatusBadge({ message }: { message: Message }) {
  const [opened, setOpened] = useState(false);
  const s = statusOf(message);
  if (message.direction === 'inbound') {
    return (
      <Badge size="sm" variant="light" color={s.color}>
        {message.readAt ? 'Read' : 'Unread'}
      </Badge>
    );
  }
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened(true)}
          onMouseEnter={() => setOpened(true)}
          onMouseLeave={() => setOpened(false)}
          aria-label={`Status: ${s.label}. Show its history`}
          aria-expanded={opened}
        >
          <Badge size="sm" variant="light" color={s.color} style={{ cursor: 'pointer' }}>
            {s.label}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>{opened ? <StatusHistory id={message.id} /> : null}</Popover.Dropdown>
    </Popover>
  );
}

function StatusHistory({ id }: { id: string }) {
  const q = useMessage(id);
  const formatTime = useDateTimeFormat();
  if (q.isPending) return <Text size="xs">Loading…</Text>;
  if (q.isError) return <Text size="xs">{errorMessage(q.error)}</Text>;
  if (!q.data.statusHistory.length) return <Text size="xs">No delivery report yet.</Text>;
  return (
    <List size="xs" spacing={2} aria-label="Delivery history">
      {q.data.statusHistory.map((h) => (
        <List.Item key={`${h.status}${h.occurredAt}`}>
          {formatTime(h.occurredAt)} — {h.status}
          {h.errorCode ? ` (error ${h.errorCode})` : ''}
        </List.Item>
      ))}
    </List>
  );
}
