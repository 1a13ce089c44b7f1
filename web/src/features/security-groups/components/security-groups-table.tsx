import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { AnchorLink } from '../../../components/links';
import { describeGroupPermissions, describeRecordAccess } from '../../../lib/group-permissions';
import type { SecurityGroup } from '../../../lib/queries/security-groups';

export function SecurityGroupsTable({
  groups,
  onDelete,
}: {
  groups: SecurityGroup[];
  onDelete: (group: SecurityGroup) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">Security groups of this account, by name</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Allows</Table.Th>
            <Table.Th scope="col">Record access</Table.Th>
            <Table.Th scope="col" ta="right">
              Users
            </Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => {
            const allows = describeGroupPermissions(g.permissions);
            return (
              <Table.Tr key={g.id} data-testid="security-group-row">
                <Table.Td>
                  <AnchorLink
                    to="/settings/security-groups/$groupId"
                    params={{ groupId: g.id }}
                    fw={600}
                    size="sm"
                    c="dark.8"
                  >
                    {g.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  {allows.length ? (
                    <Group gap={4}>
                      {allows.map((a) => (
                        <Badge
                          key={a}
                          variant="light"
                          color={a === 'Manage Users' ? 'grape' : undefined}
                          size="sm"
                          tt="none"
                        >
                          {a}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Nothing yet
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{describeRecordAccess(g.permissions)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" fw={500}>
                    {g.userCount}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => onDelete(g)}
                    aria-label={`Delete ${g.name}`}
                  >
                    Delete
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
