import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconTrash, IconTrophy } from '@tabler/icons-react';
import type { RecordType } from '../../../lib/queries/record-types';

export function RecordTypesTable({
  recordTypes,
  onEdit,
  onDelete,
}: {
  recordTypes: RecordType[];
  onEdit: (rt: RecordType) => void;
  onDelete: (rt: RecordType) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">Record types of this account, in order</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Record type</Table.Th>
            <Table.Th scope="col">Statuses, in order</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recordTypes.map((rt) => (
            <Table.Tr key={rt.id} data-testid="record-type-row">
              <Table.Td maw={280}>
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {rt.name}
                  </Text>
                  {rt.isDefault ? (
                    <Badge size="sm" variant="light" color="grape">
                      Default
                    </Badge>
                  ) : null}
                </Group>
                {rt.description ? (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {rt.description}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {rt.statuses.map((s) => (
                    <Badge
                      key={s.id}
                      variant={s.isClosedWon ? 'light' : 'default'}
                      color={s.isClosedWon ? 'green' : undefined}
                      size="sm"
                      tt="none"
                      leftSection={s.isClosedWon ? <IconTrophy size={12} aria-hidden /> : undefined}
                      title={s.isClosedWon ? 'Closed won' : undefined}
                    >
                      {s.name}
                      {s.isClosedWon ? <span className="visually-hidden"> (closed won)</span> : null}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => onEdit(rt)}
                    aria-label={`Edit ${rt.name}`}
                  >
                    Edit
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => onDelete(rt)}
                    aria-label={`Delete ${rt.name}`}
                  >
                    Delete
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
