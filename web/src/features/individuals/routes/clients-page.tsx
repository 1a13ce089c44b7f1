import { Button, Center, EmptyState, Group, Kbd, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { useIndividuals } from '../api/list-individuals';
import { IndividualsTable } from '../components/individuals-table';
import { useClientLookups } from '../components/use-client-lookups';

export function ClientsPage() {
  const search = useSearch({ from: '/app/clients' });
  const navigate = useNavigate({ from: '/clients' });
  const q = search.q ?? '';
  const [text, setText] = useState(q);
  const searchRef = useRef<HTMLInputElement>(null);
  const lookups = useClientLookups();
  const clients = useIndividuals(q);
  const items = clients.data?.pages.flatMap((p) => p.items) ?? [];

  const pushed = useRef(q);
  const setQuery = useDebouncedCallback((value: string) => {
    pushed.current = value.trim();
    void navigate({ search: (s) => ({ ...s, q: value.trim() || undefined }), replace: true });
  }, 250);
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  return (
    <Page
      title="Clients"
      description="Individuals: your agency’s clients, with their Servicing Agent, notes, files and policies."
    >
      <Group>
        <TextInput
          ref={searchRef}
          type="search"
          aria-label="Search clients"
          placeholder="Search by name, email or phone"
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
      </Group>
      <Paper withBorder radius="md" p={items.length ? 0 : 'lg'} aria-busy={clients.isFetching}>
        {clients.isPending || lookups.status === 'loading' ? (
          <Loading label="Loading clients…" />
        ) : clients.isError && items.length === 0 ? (
          <QueryError error={clients.error} onRetry={() => void clients.refetch()} />
        ) : lookups.status === 'error' ? (
          <QueryError error={lookups.error} onRetry={lookups.retry} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={26} />}
            variant="light"
            title={q ? 'No clients match' : 'No clients yet'}
            description={
              q
                ? `No client’s name, email or phone matches “${q}”.`
                : 'A Sales Record becomes a client when it is closed won and converted.'
            }
            py="xl"
          />
        ) : (
          <IndividualsTable clients={items} lookups={lookups.lookups} />
        )}
      </Paper>
      {clients.hasNextPage ? (
        <Center>
          <Button
            variant="default"
            loading={clients.isFetchingNextPage}
            onClick={() => void clients.fetchNextPage()}
          >
            Load more
          </Button>
        </Center>
      ) : items.length > 0 ? (
        <Text size="sm" c="dimmed" ta="center" aria-live="polite">
          {items.length === 1 ? '1 client' : `${items.length} clients`}
        </Text>
      ) : null}
    </Page>
  );
}
