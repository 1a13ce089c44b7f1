import { Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { paths } from '../../../api/schema';
import { AnchorLink } from '../../../components/links';
import { formatDate, formatPhone, fullName } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import type { ClientLookups } from './use-client-lookups';

export type IndividualListItem =
  paths['/api/v1/individuals']['get']['responses'][200]['content']['application/json']['items'][number];

/** The clients list; a name opens the client. */
export function IndividualsTable({
  clients,
  lookups,
}: {
  clients: IndividualListItem[];
  lookups: ClientLookups;
}) {
  const navigate = useNavigate();
  const { timeZone } = useMe();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">Clients (Individuals), newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">City, state</Table.Th>
            <Table.Th scope="col">Servicing agent</Table.Th>
            <Table.Th scope="col">Client since</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((c) => {
            const phone = c.phone ?? c.cellPhone;
            return (
              <Table.Tr
                key={c.id}
                data-testid="client-row"
                className="clickable-row"
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a')) return;
                  void navigate({ to: '/clients/$id', params: { id: c.id } });
                }}
              >
                <Table.Td>
                  <AnchorLink to="/clients/$id" params={{ id: c.id }} fw={600} size="sm" c="dark.8">
                    {fullName(c)}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="nowrap">
                    {phone ? formatPhone(phone) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="break-all">
                    {c.email ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{[c.city, c.state].filter(Boolean).join(', ') || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {c.servicingAgentName ?? lookups.agentName(c.servicingAgentId) ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(c.createdAt, timeZone)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
