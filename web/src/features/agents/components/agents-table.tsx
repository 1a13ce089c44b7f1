import { Anchor, Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { formatPhone, fullName } from '../../../lib/format';
import type { Agent } from '../../../lib/queries/agents';
import { useMe } from '../../../lib/session';
import { ComposeButton } from '../../messaging/components/record-messaging';

/** Agent Records; a row (or its name, for keyboard users) opens the editor. */
export function AgentsTable({ agents, onOpen }: { agents: Agent[]; onOpen: (agent: Agent) => void }) {
  const me = useMe();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">Agent Records, by last name</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">NPN</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Message</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((agent) => (
            <Table.Tr
              key={agent.id}
              data-testid="agent-row"
              className="clickable-row"
              onClick={() => onOpen(agent)}
            >
              <Table.Td>
                <UnstyledButton
                  className="row-link"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(agent);
                  }}
                >
                  <Text size="sm" fw={600} component="span">
                    {fullName(agent)}
                  </Text>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{agent.npn ?? '—'}</Table.Td>
              <Table.Td>
                {agent.email ? (
                  <Anchor href={`mailto:${agent.email}`} size="sm" onClick={(e) => e.stopPropagation()}>
                    {agent.email}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {agent.phone ? (
                  <Anchor href={`tel:${agent.phone}`} size="sm" onClick={(e) => e.stopPropagation()}>
                    {formatPhone(agent.phone)}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={agent.active ? 'green' : 'gray'}>
                  {agent.active ? 'Active' : 'Inactive'}
                </Badge>
              </Table.Td>
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <ComposeButton me={me} kind="agent" id={agent.id} recipientName={fullName(agent)} compact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
