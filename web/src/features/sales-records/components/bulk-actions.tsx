import { Button, Group, List, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconTransform, IconUserShare, IconUserStar, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { fullName } from '../../../lib/format';
import { errorMessage, isApiError } from '../../../lib/problem';
import { hasTask, useMe } from '../../../lib/session';
import { type BulkUpdateInput, useBulkUpdateSalesRecords } from '../api/bulk-update-sales-records';
import type { SalesRecordListItem } from '../api/list-sales-records';
import { BatchConvertDialog } from './batch-convert-dialog';
import { type LeadLookups, statusOptions } from './use-lead-lookups';

type Mode = 'user' | 'agent' | 'status';
const UNASSIGN = '__none__';

const TITLES: Record<Mode, string> = {
  user: 'Assign to a user',
  agent: 'Assign to an agent',
  status: 'Change the status',
};

/** The server's all-or-nothing refusal: its detail, and each record it names (errors on `ids.N`). */
export function BulkProblem({
  error,
  leads,
}: {
  error: unknown;
  leads: { firstName: string; lastName: string }[];
}) {
  const errors = isApiError(error) ? (error.problem.errors ?? []) : [];
  return (
    <ErrorAlert title="Nothing was changed">
      <Text size="sm">{errorMessage(error)}</Text>
      {errors.length ? (
        <List size="sm" mt="xs">
          {errors.map((e) => {
            const index = /^ids\.(\d+)$/.exec(e.path)?.[1];
            const lead = index === undefined ? undefined : leads[Number(index)];
            return (
              <List.Item key={`${e.path}-${e.message}`}>
                {lead ? `${fullName(lead)}: ` : e.path ? `${e.path}: ` : ''}
                {e.message}
              </List.Item>
            );
          })}
        </List>
      ) : null}
    </ErrorAlert>
  );
}

/** Actions on the selected rows: assign a user or an agent, change the status, convert closed-won ones. */
export function BulkActions({
  leads,
  lookups,
  onClear,
}: {
  leads: SalesRecordListItem[];
  lookups: LeadLookups;
  onClear: () => void;
}) {
  const me = useMe();
  const bulk = useBulkUpdateSalesRecords();
  const [mode, setMode] = useState<Mode | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const [converting, setConverting] = useState(false);
  const closedWon = leads.filter((l) => lookups.statusById.get(l.statusId)?.isClosedWon);
  const types = [...new Set(leads.map((l) => l.recordTypeId))].flatMap(
    (id) => lookups.typeById.get(id) ?? [],
  );
  const count = leads.length === 1 ? '1 record' : `${leads.length} records`;

  const open = (m: Mode) => {
    bulk.reset();
    setValue(null);
    setMode(m);
  };
  const close = () => {
    setMode(null);
    bulk.reset();
  };
  const apply = () => {
    if (!mode || !value) return;
    const target = value === UNASSIGN ? null : value;
    const body: BulkUpdateInput = {
      ids: leads.map((l) => l.id),
      ...(mode === 'user' ? { assignedUserId: target } : mode === 'agent' ? { assignedAgentId: target } : {}),
      ...(mode === 'status' && target ? { statusId: target } : {}),
    };
    bulk.mutate(body, {
      onSuccess: ({ updated }) => {
        notifications.show({
          color: 'green',
          title: 'Records updated',
          message: `${updated === 1 ? '1 record was' : `${updated} records were`} updated.`,
        });
        close();
        onClear();
      },
    });
  };

  const options =
    mode === 'user'
      ? [{ value: UNASSIGN, label: 'Nobody (unassign)' }, ...lookups.userOptions]
      : mode === 'agent'
        ? [{ value: UNASSIGN, label: 'No agent (unassign)' }, ...(lookups.agentOptions ?? [])]
        : statusOptions(types);

  return (
    <Paper withBorder radius="md" p="sm" className="bulk-bar" role="region" aria-label="Bulk actions">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text fw={600} size="sm" aria-live="polite">
          {count} selected
        </Text>
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUserShare size={14} aria-hidden />}
            onClick={() => open('user')}
          >
            Assign user
          </Button>
          {lookups.agentOptions ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconUserStar size={14} aria-hidden />}
              onClick={() => open('agent')}
            >
              Assign agent
            </Button>
          ) : null}
          <Button
            size="xs"
            variant="light"
            leftSection={<IconArrowsExchange size={14} aria-hidden />}
            onClick={() => open('status')}
          >
            Change status
          </Button>
          {hasTask(me, 'sales_record.convert') ? (
            <Button
              size="xs"
              variant="light"
              color="green"
              leftSection={<IconTransform size={14} aria-hidden />}
              disabled={closedWon.length === 0}
              title={closedWon.length === 0 ? 'None of the selected records is closed won' : undefined}
              onClick={() => setConverting(true)}
            >
              Convert closed won ({closedWon.length})
            </Button>
          ) : null}
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={onClear}
          >
            Clear selection
          </Button>
        </Group>
      </Group>

      <Modal opened={mode !== null} onClose={close} title={mode ? TITLES[mode] : ''}>
        {mode ? (
          <Stack gap="md">
            {bulk.isError ? <BulkProblem error={bulk.error} leads={leads} /> : null}
            <Text size="sm">
              Applies to the {count} selected. Every record must be yours to edit, or nothing changes.
            </Text>
            <Select
              label={mode === 'user' ? 'User' : mode === 'agent' ? 'Agent' : 'Status'}
              data={options}
              value={value}
              onChange={setValue}
              searchable
              data-autofocus
              nothingFoundMessage="Nothing matches"
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={apply} disabled={!value} loading={bulk.isPending}>
                Apply to {count}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <BatchConvertDialog
        opened={converting}
        leads={closedWon}
        skipped={leads.length - closedWon.length}
        onClose={() => setConverting(false)}
        onDone={onClear}
      />
    </Paper>
  );
}
