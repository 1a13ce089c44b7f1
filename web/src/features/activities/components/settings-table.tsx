import { ActionIcon, Badge, Button, Group, Paper, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../../lib/problem';
import {
  type SettingKind,
  useReorderActivitySettings,
  useSaveActivitySetting,
} from '../api/save-activity-setting';
import { SettingDialog, type SettingRow } from './setting-dialog';

/** One settings list (types or statuses): add, rename, move up/down, (de)activate. */
export function SettingsTable({
  kind,
  title,
  description,
  rows,
  canCategorise,
}: {
  kind: SettingKind;
  title: string;
  description: string;
  rows: SettingRow[];
  canCategorise: boolean;
}) {
  const [editing, setEditing] = useState<SettingRow | 'new' | null>(null);
  const save = useSaveActivitySetting(kind);
  const reorder = useReorderActivitySettings(kind);
  const fail = (e: unknown) =>
    notifications.show({ color: 'red', title: 'Could not save', message: errorMessage(e) });
  const move = (i: number, dir: -1 | 1) => {
    const ids = rows.map((r) => r.id);
    [ids[i], ids[i + dir]] = [ids[i + dir]!, ids[i]!];
    reorder.mutate(ids, { onError: fail });
  };
  const headingId = `${kind}-heading`;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} fz="lg" id={headingId}>
            {title}
          </Title>
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {kind === 'types' ? 'New type' : 'New status'}
        </Button>
      </Group>
      <Table verticalSpacing="xs" aria-labelledby={headingId} data-testid={`${kind}-table`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>{kind === 'types' ? 'Category' : 'Kind'}</Table.Th>
            <Table.Th>Active</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text fw={600} size="sm" c={r.active ? undefined : 'dimmed'}>
                  {r.name}
                </Text>
              </Table.Td>
              <Table.Td>
                {kind === 'types' ? (
                  r.category === 'appointment' ? (
                    <Badge color="grape" variant="light">
                      Appointment
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )
                ) : (
                  <Badge variant="light" color={r.isCancelled ? 'gray' : r.isClosed ? 'green' : 'blue'}>
                    {r.isCancelled ? 'Cancelled' : r.isClosed ? 'Closed' : 'Open'}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Switch
                  checked={r.active}
                  aria-label={`${r.name} active`}
                  onChange={(e) =>
                    save.mutate({ id: r.id, values: { active: e.currentTarget.checked } }, { onError: fail })
                  }
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move ${r.name} up`}
                    disabled={i === 0 || reorder.isPending}
                    onClick={() => move(i, -1)}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move ${r.name} down`}
                    disabled={i === rows.length - 1 || reorder.isPending}
                    onClick={() => move(i, 1)}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Edit ${r.name}`} onClick={() => setEditing(r)}>
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SettingDialog
        kind={kind}
        row={editing === 'new' ? null : editing}
        opened={editing !== null}
        canCategorise={canCategorise}
        onClose={() => setEditing(null)}
      />
    </Paper>
  );
}
