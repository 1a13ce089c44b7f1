import { Badge, Group, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../../../components/links';
import { fullName } from '../../../lib/format';
import type { UserSummary } from '../../../lib/queries/users';
import { USER_TYPE_LABELS } from './user-form-values';
import { UserStatusBadge } from './user-status-badge';

/** The users list; a row opens the editor (its name is the link, for keyboard and screen readers). */
export function UsersTable({ users }: { users: UserSummary[] }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">Users of this account, by last name</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Username</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Security group</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Teams</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr
              key={user.id}
              data-testid="user-row"
              className="clickable-row"
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a')) return;
                void navigate({ to: '/settings/users/$userId', params: { userId: user.id } });
              }}
            >
              <Table.Td>
                <AnchorLink
                  to="/settings/users/$userId"
                  params={{ userId: user.id }}
                  fw={600}
                  size="sm"
                  c="dark.8"
                >
                  {fullName(user, user.username)}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.username}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="break-all">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.securityGroup.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{USER_TYPE_LABELS[user.userType]}</Text>
              </Table.Td>
              <Table.Td>
                {user.teamNames.length ? (
                  <Group gap={4}>
                    {user.teamNames.map((t) => (
                      <Badge key={t} variant="default" size="sm" tt="none">
                        {t}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <UserStatusBadge user={user} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
