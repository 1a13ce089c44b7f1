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
import { IconFileImport, IconPlus, IconSearch, IconTargetArrow } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { ButtonLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { canOnRecordType, hasTask, useMe } from '../../../lib/session';
import { useSalesRecordList } from '../api/list-sales-records';
import { BulkActions } from '../components/bulk-actions';
import { LeadFilters } from '../components/lead-filters';
import { filterCount, type LeadsSearch, toListQuery } from '../components/lead-search';
import { LeadsTable } from '../components/leads-table';
import { SavedViews } from '../components/saved-views';
import { type LeadLookups, useLeadLookups } from '../components/use-lead-lookups';

export function LeadsPage() {
  const me = useMe();
  const lookups = useLeadLookups();
  const canAdd =
    lookups.status === 'ready' && lookups.lookups.recordTypes.some((t) => canOnRecordType(me, 'add', t.id));
  return (
    <Page
      title="Leads"
      description="Sales Records you can see: search by name, email or phone; filter, sort and save views."
      actions={
        <>
          {hasTask(me, 'sales_record.import') ? (
            <ButtonLink
              to="/leads/import"
              search={{}}
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
            >
              Import leads
            </ButtonLink>
          ) : null}
          {canAdd ? (
            <ButtonLink to="/leads/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New lead
            </ButtonLink>
          ) : null}
        </>
      }
    >
      {lookups.status === 'loading' ? (
        <Loading label="Loading leads…" />
      ) : lookups.status === 'error' ? (
        <QueryError error={lookups.error} onRetry={lookups.retry} />
      ) : (
        <LeadList lookups={lookups.lookups} />
      )}
    </Page>
  );
}

function LeadList({ lookups }: { lookups: LeadLookups }) {
  const { timeZone } = useMe();
  const search = useSearch({ from: '/app/leads' });
  const navigate = useNavigate({ from: '/leads' });
  const query = useMemo(() => toListQuery(search, timeZone), [search, timeZone]);
  const list = useSalesRecordList(query);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [text, setText] = useState(search.q ?? '');
  const searchRef = useRef<HTMLInputElement>(null);

  // The address holds the search; typing updates it after a pause.
  const q = search.q ?? '';
  const pushed = useRef(q);
  const setSearch = (patch: Partial<LeadsSearch>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const replaceSearch = (next: LeadsSearch) => {
    pushed.current = next.q ?? '';
    setText(next.q ?? '');
    void navigate({ search: next, replace: true });
  };
  const setQuery = useDebouncedCallback((value: string) => {
    pushed.current = value.trim();
    setSearch({ q: value.trim() || undefined });
  }, 250);
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  // A selection only holds rows still shown.
  const selectedLeads = items.filter((l) => selected.has(l.id));
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const filtered = Boolean(q) || filterCount(search) > 0;

  return (
    <>
      <Group justify="space-between" wrap="wrap" gap="sm" align="flex-end">
        <TextInput
          ref={searchRef}
          type="search"
          aria-label="Search leads"
          placeholder="Search by name, email or phone"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={<Kbd size="xs">/</Kbd>}
          rightSectionPointerEvents="none"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setQuery(e.currentTarget.value);
          }}
          w={{ base: '100%', sm: 340 }}
        />
        <Group gap="sm" wrap="wrap" align="flex-end">
          <SavedViews search={search} onApply={replaceSearch} />
          <SegmentedControl
            aria-label="Sort leads"
            data={[
              { value: 'newest', label: 'Newest' },
              { value: 'lastName', label: 'Last name' },
            ]}
            value={search.sort === 'lastName' ? 'lastName' : 'newest'}
            onChange={(v) => setSearch({ sort: v === 'lastName' ? 'lastName' : undefined })}
          />
        </Group>
      </Group>
      <LeadFilters search={search} lookups={lookups} onChange={setSearch} />
      {selectedLeads.length > 0 ? (
        <BulkActions leads={selectedLeads} lookups={lookups} onClear={() => setSelected(new Set())} />
      ) : null}
      <Paper withBorder radius="md" p={items.length ? 0 : 'lg'} aria-busy={list.isFetching}>
        {list.isPending ? (
          <Loading label="Loading leads…" />
        ) : list.isError && items.length === 0 ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconTargetArrow size={26} />}
            variant="light"
            title={filtered ? 'No leads match' : 'No leads yet'}
            description={
              filtered
                ? 'Nothing matches this search and these filters. Try fewer filters.'
                : 'Add a lead, or connect a lead vendor in Settings → Lead intake.'
            }
            py="xl"
          />
        ) : (
          <LeadsTable
            leads={items}
            lookups={lookups}
            selected={selected}
            onToggle={toggle}
            onToggleAll={(on) => setSelected(on ? new Set(items.map((l) => l.id)) : new Set())}
          />
        )}
      </Paper>
      {list.hasNextPage ? (
        <Center>
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            Load more
          </Button>
        </Center>
      ) : items.length > 0 ? (
        <Text size="sm" c="dimmed" ta="center" aria-live="polite">
          {items.length === 1 ? '1 lead' : `${items.length} leads`}
        </Text>
      ) : null}
    </>
  );
}
