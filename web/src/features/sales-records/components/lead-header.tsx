import { Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { TemperatureBadge } from '../../../components/temperature-badge';
import { useDateTimeFormat } from '../../../lib/format';
import { errorMessage } from '../../../lib/problem';
import { useAccount } from '../../../lib/queries/account';
import { temperatureOf } from '../../../lib/temperature';
import type { SalesRecord } from '../api/get-sales-record';
import { type SalesRecordPatch, useUpdateSalesRecord } from '../api/update-sales-record';
import { type LeadLookups, statusOptions } from './use-lead-lookups';

/**
 * The record's type, status, assignees and temperature, at the top of its page. With Edit, each
 * pick saves at once (and shows in the History tab).
 */
export function LeadHeader({
  record,
  lookups,
  canEdit,
  editableTypeIds,
}: {
  record: SalesRecord;
  lookups: LeadLookups;
  canEdit: boolean;
  /** Types the record may move to (Edit on them). */
  editableTypeIds: string[];
}) {
  const update = useUpdateSalesRecord();
  const account = useAccount();
  const formatTime = useDateTimeFormat();
  const type = lookups.typeById.get(record.recordTypeId);
  const status = lookups.statusById.get(record.statusId);
  // A closed status (won or lost) has no temperature: nothing is left to chase.
  const temperature = status?.isClosed
    ? null
    : account.data
      ? temperatureOf(record.createdAt, account.data.temperaturePeriods, record.manualTemperature)
      : record.manualTemperature;

  const save = (patch: SalesRecordPatch, what: string) =>
    update.mutate(
      { id: record.id, patch },
      {
        onSuccess: () => notifications.show({ color: 'green', title: 'Saved', message: what }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) }),
      },
    );

  const withCurrent = (
    options: { value: string; label: string }[],
    id: string | null,
    label: string | null,
  ) =>
    id && !options.some((o) => o.value === id) ? [{ value: id, label: label ?? id }, ...options] : options;
  const userOptions = withCurrent(
    lookups.userOptions,
    record.assignedUserId,
    lookups.userName(record.assignedUserId),
  );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Record summary">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" verticalSpacing="sm">
        {canEdit ? (
          <>
            <Select
              label="Record type"
              allowDeselect={false}
              data={lookups.recordTypes
                .filter((t) => editableTypeIds.includes(t.id) || t.id === record.recordTypeId)
                .map((t) => ({ value: t.id, label: t.name }))}
              value={record.recordTypeId}
              disabled={update.isPending}
              onChange={(id) => {
                if (id && id !== record.recordTypeId)
                  save(
                    { recordTypeId: id },
                    `Moved to ${lookups.typeById.get(id)?.name ?? 'the new type'}; its first status applies.`,
                  );
              }}
            />
            <Select
              label="Status"
              allowDeselect={false}
              data={statusOptions(lookups.recordTypes, record.recordTypeId)}
              value={record.statusId}
              disabled={update.isPending}
              onChange={(id) => {
                if (id && id !== record.statusId)
                  save(
                    { statusId: id },
                    `Status changed to ${lookups.statusById.get(id)?.name ?? 'the new status'}.`,
                  );
              }}
            />
            <Select
              label="Assigned user"
              placeholder="Unassigned"
              clearable
              searchable
              data={userOptions}
              value={record.assignedUserId}
              disabled={update.isPending}
              nothingFoundMessage="No matching user"
              onChange={(id) => {
                if (id !== record.assignedUserId)
                  save(
                    { assignedUserId: id },
                    id ? `Assigned to ${lookups.userName(id) ?? 'the user'}.` : 'No user is assigned now.',
                  );
              }}
            />
            {lookups.agentOptions ? (
              <Select
                label="Agent"
                placeholder="No agent"
                clearable
                searchable
                data={withCurrent(
                  lookups.agentOptions,
                  record.assignedAgentId,
                  lookups.agentName(record.assignedAgentId, record.assignedAgentName),
                )}
                value={record.assignedAgentId}
                disabled={update.isPending}
                nothingFoundMessage="No matching agent"
                onChange={(id) => {
                  if (id !== record.assignedAgentId)
                    save(
                      { assignedAgentId: id },
                      id
                        ? `Agent set to ${lookups.agentName(id) ?? 'the agent'}.`
                        : 'No agent is assigned now.',
                    );
                }}
              />
            ) : (
              <TextInput
                label="Agent"
                readOnly
                value={lookups.agentName(record.assignedAgentId, record.assignedAgentName) ?? 'No agent'}
              />
            )}
          </>
        ) : (
          <>
            <TextInput label="Record type" readOnly value={type?.name ?? '—'} />
            <TextInput label="Status" readOnly value={status?.name ?? '—'} />
            <TextInput
              label="Assigned user"
              readOnly
              value={lookups.userName(record.assignedUserId) ?? 'Unassigned'}
            />
            <TextInput
              label="Agent"
              readOnly
              value={lookups.agentName(record.assignedAgentId, record.assignedAgentName) ?? 'No agent'}
            />
          </>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="temperature-label">
            Temperature
          </Text>
          <Group gap="xs" aria-labelledby="temperature-label" role="group">
            {temperature ? (
              <TemperatureBadge
                temperature={temperature}
                manual={record.manualTemperature !== null}
                size="md"
              />
            ) : (
              <Text size="sm">{status?.isClosed ? 'None (closed)' : '—'}</Text>
            )}
          </Group>
        </Stack>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        Created {formatTime(record.createdAt)} · Updated {formatTime(record.updatedAt)}
      </Text>
    </Paper>
  );
}
