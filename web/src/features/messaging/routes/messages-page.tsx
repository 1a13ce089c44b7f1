import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { AnchorLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { errorMessage } from '../../../lib/problem';
import {
  useConfirmRevocation,
  useCreateLeadFromMessage,
  useDismissRevocation,
  useInbox,
  useMarkAllRead,
  useMarkRead,
} from '../api/queries';
import type { Channel, Direction, InboxBox, Message } from '../api/types';
import { MessageItem } from '../components/message-item';

const BOXES: { value: InboxBox; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
  { value: 'unmatched', label: 'Unknown senders' },
  { value: 'flagged', label: 'Flagged opt-outs' },
];

/** The account's Messages page: the inbox (boxes, filters), unread in bold, live. */
export function MessagesPage() {
  const [box, setBox] = useState<InboxBox>('all');
  const [channel, setChannel] = useState<Channel | null>(null);
  const [direction, setDirection] = useState<Direction | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const inbox = useInbox({
    box,
    ...(channel ? { channel } : {}),
    ...(direction ? { direction } : {}),
    ...(q ? { q } : {}),
  });
  const markAll = useMarkAllRead();
  const [leadFor, setLeadFor] = useState<Message | null>(null);
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const narrow = useMediaQuery('(max-width: 36em)');

  return (
    <Page
      title="Messages"
      description={
        <>
          Texts and emails of the account.{' '}
          <AnchorLink to="/messages/beneficiary-phone" underline="always">
            Beneficiary phone (simulator)
          </AnchorLink>
        </>
      }
      actions={
        <Button
          variant="default"
          leftSection={<IconChecks size={16} aria-hidden />}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined)}
        >
          Mark all read
        </Button>
      }
    >
      <Stack gap="sm">
        <SegmentedControl
          aria-label="Box"
          value={box}
          onChange={(v) => setBox(v as InboxBox)}
          data={BOXES}
          fullWidth
          orientation={narrow ? 'vertical' : 'horizontal'}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Search"
            placeholder="Words, number or name"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            maxLength={100}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label="Channel"
            placeholder="Texts and emails"
            clearable
            value={channel}
            onChange={(v) => setChannel(v as Channel | null)}
            data={[
              { value: 'sms', label: 'Texts' },
              { value: 'email', label: 'Emails' },
            ]}
          />
          <Select
            label="Direction"
            placeholder="Both"
            clearable
            value={direction}
            onChange={(v) => setDirection(v as Direction | null)}
            data={[
              { value: 'inbound', label: 'Received' },
              { value: 'outbound', label: 'Sent' },
            ]}
          />
        </SimpleGrid>
        {inbox.isPending ? (
          <Loading label="Loading messages…" />
        ) : inbox.isError ? (
          <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : items.length === 0 ? (
          <Text c="dimmed">Nothing here.</Text>
        ) : (
          <Stack gap="xs" role="feed" aria-label="Messages, newest first" aria-busy={inbox.isFetching}>
            {items.map((m) => (
              <InboxItem key={m.id} message={m} onCreateLead={() => setLeadFor(m)} />
            ))}
            {inbox.hasNextPage ? (
              <Button
                variant="default"
                loading={inbox.isFetchingNextPage}
                onClick={() => void inbox.fetchNextPage()}
              >
                Older messages
              </Button>
            ) : null}
          </Stack>
        )}
      </Stack>
      <CreateLeadDialog message={leadFor} onClose={() => setLeadFor(null)} />
    </Page>
  );
}

function InboxItem({ message: m, onCreateLead }: { message: Message; onCreateLead: () => void }) {
  const markRead = useMarkRead();
  const confirm = useConfirmRevocation();
  const dismiss = useDismissRevocation();
  const unread = m.direction === 'inbound' && m.readAt === null;
  const failure = markRead.error ?? confirm.error ?? dismiss.error;
  return (
    <MessageItem
      message={m}
      bold={unread}
      showRecords
      actions={
        <>
          {unread ? (
            <Button
              size="compact-sm"
              variant="default"
              loading={markRead.isPending}
              onClick={() => markRead.mutate(m.id)}
            >
              Mark read
            </Button>
          ) : null}
          {m.direction === 'inbound' && m.records.length === 0 ? (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconUserPlus size={14} aria-hidden />}
              onClick={onCreateLead}
            >
              Create lead
            </Button>
          ) : null}
          {m.revocation === 'flagged' ? (
            <>
              <Text size="sm" fw={700}>
                Reads like an opt-out.
              </Text>
              <Button
                size="compact-sm"
                color="red"
                loading={confirm.isPending}
                onClick={() => confirm.mutate(m.id)}
              >
                Confirm opt-out
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                loading={dismiss.isPending}
                onClick={() => dismiss.mutate(m.id)}
              >
                Not an opt-out
              </Button>
            </>
          ) : null}
          {failure ? (
            <Text size="sm" c="red" role="alert">
              {errorMessage(failure)}
            </Text>
          ) : null}
        </>
      }
    />
  );
}

function CreateLeadDialog({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const create = useCreateLeadFromMessage();
  const navigate = useNavigate();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const submit = () => {
    if (!message) return;
    create.mutate(
      { id: message.id, firstName: firstName.trim(), lastName: lastName.trim() },
      {
        onSuccess: ({ salesRecordId }) => {
          notifications.show({
            color: 'green',
            title: 'Lead created',
            message: 'The message is on its timeline.',
          });
          onClose();
          void navigate({ to: '/leads/$id', params: { id: salesRecordId } });
        },
      },
    );
  };
  return (
    <Modal opened={message !== null} onClose={onClose} title="Create a lead from this sender">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">A new Sales Record for {message?.from}, with this message on its timeline.</Text>
          <TextInput
            label="First name"
            required
            maxLength={100}
            value={firstName}
            onChange={(e) => setFirstName(e.currentTarget.value)}
            data-autofocus
          />
          <TextInput
            label="Last name"
            required
            maxLength={100}
            value={lastName}
            onChange={(e) => setLastName(e.currentTarget.value)}
          />
          {create.error ? (
            <Text c="red" size="sm" role="alert">
              {errorMessage(create.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!firstName.trim() || !lastName.trim()}>
              Create lead
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
