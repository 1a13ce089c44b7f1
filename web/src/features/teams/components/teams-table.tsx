import { Avatar, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { fullName } from '../../../lib/format';
import type { Team } from '../../../lib/queries/teams';
import type { UserSummary } from '../../../lib/queries/users';

const initials = (u: UserSummary) => `${u.firstName.charAt(0)}${u.lastName.charAt(0)}`.toUpperCase();

export function TeamsTable({
  teams,
  users,
  onEdit,
  onDelete,
}: {
  teams: Team[];
  users: UserSummary[];
  onEdit: (team: Team) => void;
  onDelete: (team: Team) => void;
}) {
  const byId = new Map(users.map((u) => [u.id, u]));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">Teams of this account, by name</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Team</Table.Th>
            <Table.Th scope="col">Members</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((team) => {
            const members = team.memberIds.flatMap((id) => byId.get(id) ?? []);
            return (
              <Table.Tr key={team.id} data-testid="team-row">
                <Table.Td>
                  <Text fw={600} size="sm">
                    {team.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {members.length ? (
                    <Group gap="xs" wrap="nowrap">
                      <Avatar.Group spacing="xs" aria-hidden>
                        {members.slice(0, 5).map((u) => (
                          <Tooltip key={u.id} label={fullName(u)} withArrow>
                            <Avatar size={28} radius="xl" color="indigo">
                              {initials(u)}
                            </Avatar>
                          </Tooltip>
                        ))}
                      </Avatar.Group>
                      <Text size="sm">{members.map((u) => fullName(u, u.username)).join(', ')}</Text>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      No members
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => onEdit(team)}
                      aria-label={`Edit ${team.name}`}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => onDelete(team)}
                      aria-label={`Delete ${team.name}`}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
