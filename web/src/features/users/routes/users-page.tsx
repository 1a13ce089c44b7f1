import {
  Button,
  Center,
  EmptyState,
  Group,
  Kbd,
  Paper,
  SegmentedControl,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { ButtonLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { type UserStatusFilter, useUsers } from '../api/list-users';
import { UsersTable } from '../components/users-table';

const STATUS_OPTIONS: { value: UserStatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'suspended', label: 'Suspended' },
  { value: 'all', label: 'All' },
];

export function UsersPage() {
  const search = useSearch({ from: '/app/settings/users' });
  const navigate = useNavigate({ from: '/settings/users' });
  const status = search.status ?? 'active';
  const q = search.q ?? '';
  const [text, setText] = useState(q);
  const searchRef = useRef<HTMLInputElement>(null);
  const users = useUsers({ q, status });
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];

  // The filters live in the address, so Back from a user returns to the same list.
  const pushed = useRef(q);
  const setQuery = useDebouncedCallback((value: string) => {
    pushed.current = value.trim();
    void navigate({ search: (s) => ({ ...s, q: value.trim() || undefined }), replace: true });
  }, 250);
  // The address changed from elsewhere (a link, Back): show its search in the box.
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  return (
    <Page
      title="Users"
      description="Everyone who can sign in to your agency’s OpenAMS, with their security group and teams."
      actions={
        <ButtonLink to="/settings/users/new" leftSection={<IconUserPlus size={16} aria-hidden />}>
          New user
        </ButtonLink>
      }
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <TextInput
          ref={searchRef}
          type="search"
          aria-label="Search users"
          placeholder="Search by name, email or username"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={<Kbd size="xs">/</Kbd>}
          rightSectionPointerEvents="none"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setQuery(e.currentTarget.value);
          }}
          w={{ base: '100%', sm: 380 }}
        />
        <SegmentedControl
          aria-label="Show users"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(value) =>
            void navigate({
              search: (s) => ({ ...s, status: value === 'active' ? undefined : (value as UserStatusFilter) }),
              replace: true,
            })
          }
        />
      </Group>
      <Paper withBorder radius="md" p={items.length ? 0 : 'lg'} aria-busy={users.isFetching}>
        {users.isPending ? (
          <Loading label="Loading users…" />
        ) : users.isError && items.length === 0 ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={26} />}
            variant="light"
            title={q ? 'No users match' : status === 'suspended' ? 'No suspended users' : 'No users'}
            description={
              q
                ? `Nobody’s name, email or username contains “${q}”.`
                : 'Create a user for everyone who works in OpenAMS.'
            }
            py="xl"
          />
        ) : (
          <UsersTable users={items} />
        )}
      </Paper>
      {users.hasNextPage ? (
        <Center>
          <Button
            variant="default"
            loading={users.isFetchingNextPage}
            onClick={() => void users.fetchNextPage()}
          >
            Load more
          </Button>
        </Center>
      ) : items.length > 0 ? (
        <Text size="sm" c="dimmed" ta="center" aria-live="polite">
          {items.length === 1 ? '1 user' : `${items.length} users`}
        </Text>
      ) : null}
    </Page>
  );
}
