import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { TEMPERATURE_OPTIONS, type Temperature } from '../../../components/temperature-badge';
import { filterCount, type LeadsSearch } from './lead-search';
import { type LeadLookups, statusOptions } from './use-lead-lookups';

/** The lead list's filters; each change goes to the address at once. */
export function LeadFilters({
  search,
  lookups,
  onChange,
}: {
  search: LeadsSearch;
  lookups: LeadLookups;
  onChange: (patch: Partial<LeadsSearch>) => void;
}) {
  const picklists = lookups.customFields.filter((d) => d.type === 'picklist');
  const cfValue = (key: string) =>
    search.cf?.find((c) => c.startsWith(`${key}:`))?.slice(key.length + 1) ?? null;
  const setCf = (key: string, value: string | null) => {
    const rest = (search.cf ?? []).filter((c) => !c.startsWith(`${key}:`));
    const next = value ? [...rest, `${key}:${value}`] : rest;
    onChange({ cf: next.length ? next : undefined });
  };
  const count = filterCount(search);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Select
          label="Record type"
          placeholder="All types"
          clearable
          data={lookups.viewableTypes.map((t) => ({ value: t.id, label: t.name }))}
          value={search.recordTypeId ?? null}
          onChange={(v) => {
            const keepStatus =
              v && search.statusId && lookups.statusById.get(search.statusId)?.recordTypeId === v;
            onChange({ recordTypeId: v ?? undefined, ...(keepStatus ? {} : { statusId: undefined }) });
          }}
        />
        <Select
          label="Status"
          placeholder="All statuses"
          clearable
          data={statusOptions(lookups.viewableTypes, search.recordTypeId)}
          value={search.statusId ?? null}
          onChange={(v) => onChange({ statusId: v ?? undefined })}
        />
        <Select
          label="Assigned user"
          placeholder="Anyone"
          clearable
          searchable
          data={lookups.userOptions}
          nothingFoundMessage="No matching user"
          value={search.assignedUserId ?? null}
          onChange={(v) => onChange({ assignedUserId: v ?? undefined })}
        />
        {lookups.agentOptions ? (
          <Select
            label="Agent"
            placeholder="Any agent"
            clearable
            searchable
            data={lookups.agentOptions}
            nothingFoundMessage="No matching agent"
            value={search.assignedAgentId ?? null}
            onChange={(v) => onChange({ assignedAgentId: v ?? undefined })}
          />
        ) : null}
        <Select
          label="Temperature"
          placeholder="Any"
          clearable
          data={TEMPERATURE_OPTIONS}
          value={search.temperature ?? null}
          onChange={(v) => onChange({ temperature: (v as Temperature | null) ?? undefined })}
        />
        <TextInput
          label="Created from"
          type="date"
          value={search.createdFrom ?? ''}
          max={search.createdTo}
          onChange={(e) => onChange({ createdFrom: e.currentTarget.value || undefined })}
        />
        <TextInput
          label="Created to"
          type="date"
          value={search.createdTo ?? ''}
          min={search.createdFrom}
          onChange={(e) => onChange({ createdTo: e.currentTarget.value || undefined })}
        />
        {picklists.map((d) => (
          <Select
            key={d.id}
            label={d.label}
            placeholder="Any"
            clearable
            data={d.options}
            value={cfValue(d.key)}
            onChange={(v) => setCf(d.key, v)}
          />
        ))}
      </SimpleGrid>
      {count > 0 ? (
        <Group justify="flex-end" mt="sm">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() =>
              onChange({
                recordTypeId: undefined,
                statusId: undefined,
                assignedUserId: undefined,
                assignedAgentId: undefined,
                temperature: undefined,
                createdFrom: undefined,
                createdTo: undefined,
                cf: undefined,
              })
            }
          >
            Clear {count === 1 ? 'the filter' : `${count} filters`}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
