import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../lib/api-client';
import { hasTask, useMe } from '../../lib/session';

/** `sales_record:<id>` or `individual:<id>`: the record an activity is on. */
export type RecordRef = `${'sales_record' | 'individual'}:${string}`;

const SIZE = 8;

/**
 * Search Sales Records and Individuals (clients) by name, email or phone, and pick one: the record
 * a new activity belongs to. Each kind is searched only when the user may view it.
 */
export function RecordPicker({
  value,
  onChange,
  disabled,
}: {
  value: RecordRef | null;
  onChange: (value: RecordRef | null) => void;
  disabled?: boolean;
}) {
  const me = useMe();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const leads = hasTask(me, 'sales_record.view');
  const clients = hasTask(me, 'individual.view');
  const found = useQuery({
    queryKey: ['record-picker', q, leads, clients],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const [l, c] = await Promise.all([
        leads ? unwrap(api.GET('/api/v1/sales-records', { params: { query: { q, limit: SIZE } } })) : null,
        clients ? unwrap(api.GET('/api/v1/individuals', { params: { query: { q, limit: SIZE } } })) : null,
      ]);
      const name = (r: { firstName: string; lastName: string; city?: string | null }) =>
        `${r.firstName} ${r.lastName}${r.city ? ` · ${r.city}` : ''}`;
      return [
        ...(l?.items.length
          ? [
              {
                group: 'Sales Records',
                items: l.items.map((r) => ({ value: `sales_record:${r.id}`, label: name(r) })),
              },
            ]
          : []),
        ...(c?.items.length
          ? [
              {
                group: 'Clients',
                items: c.items.map((r) => ({ value: `individual:${r.id}`, label: name(r) })),
              },
            ]
          : []),
      ];
    },
  });
  const groups = q.length >= 2 ? (found.data ?? []) : [];
  // The chosen record stays an option while the search moves on.
  const data =
    picked && !groups.some((g) => g.items.some((i) => i.value === picked.value))
      ? [{ group: 'Chosen', items: [picked] }, ...groups]
      : groups;
  return (
    <Select
      label="Sales Record or client"
      description="Optional: search by name, email or phone."
      placeholder="Search…"
      searchable
      clearable
      disabled={disabled}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={
        q.length < 2 ? 'Type at least 2 characters' : found.isFetching ? 'Searching…' : 'No match'
      }
      onChange={(v, option) => {
        setPicked(v && option ? { value: v, label: option.label } : null);
        onChange((v as RecordRef | null) ?? null);
      }}
    />
  );
}
