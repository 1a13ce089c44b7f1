import { Badge, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../../../components/links';
import { TemperatureBadge } from '../../../components/temperature-badge';
import { formatDate, formatPhone, fullName } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import type { SalesRecordListItem } from '../api/list-sales-records';
import type { LeadLookups } from './use-lead-lookups';

/** The lead list: a name opens the record; checkboxes select rows for bulk actions. */
export function LeadsTable({
  leads,
  lookups,
  selected,
  onToggle,
  onToggleAll,
}: {
  leads: SalesRecordListItem[];
  lookups: LeadLookups;
  selected: Set<string>;
  onToggle: (id: string) => void;
  onToggleAll: (on: boolean) => void;
}) {
  const navigate = useNavigate();
  const { timeZone } = useMe();
  const allOn = leads.length > 0 && leads.every((l) => selected.has(l.id));
  const someOn = leads.some((l) => selected.has(l.id));
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs" highlightOnHover className="leads-table">
        <Table.Caption className="visually-hidden">Leads (Sales Records)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              <Checkbox
                aria-label="Select all shown leads"
                checked={allOn}
                indeterminate={someOn && !allOn}
                onChange={(e) => onToggleAll(e.currentTarget.checked)}
              />
            </Table.Th>
            <Table.Th scope="col">Name and email</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col">City, state</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Assigned</Table.Th>
            <Table.Th scope="col">Temperature</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((lead) => {
            const name = fullName(lead);
            const status = lookups.statusById.get(lead.statusId);
            const user = lookups.userName(lead.assignedUserId);
            const agent = lookups.agentName(lead.assignedAgentId, lead.assignedAgentName);
            const phone = lead.phone ?? lead.cellPhone;
            return (
              <Table.Tr
                key={lead.id}
                data-testid="lead-row"
                className="clickable-row"
                aria-selected={selected.has(lead.id)}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a, input, label, button')) return;
                  void navigate({ to: '/leads/$id', params: { id: lead.id } });
                }}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${name}`}
                    checked={selected.has(lead.id)}
                    onChange={() => onToggle(lead.id)}
                  />
                </Table.Td>
                <Table.Td maw={260}>
                  <AnchorLink to="/leads/$id" params={{ id: lead.id }} fw={600} size="sm" c="dark.8">
                    {name}
                  </AnchorLink>
                  {lead.email ? (
                    <Text size="xs" c="dimmed" className="break-all">
                      {lead.email}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="nowrap">
                    {phone ? formatPhone(phone) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{[lead.city, lead.state].filter(Boolean).join(', ') || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{lookups.typeById.get(lead.recordTypeId)?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {status ? (
                    <Badge
                      variant={status.isClosedWon ? 'light' : 'default'}
                      color={status.isClosedWon ? 'green' : undefined}
                      tt="none"
                      size="sm"
                    >
                      {status.name}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{user ?? (agent ? '' : 'Unassigned')}</Text>
                    {agent ? (
                      <Text size="xs" c="dimmed">
                        Agent: {agent}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {lead.temperature ? (
                    <TemperatureBadge
                      temperature={lead.temperature}
                      manual={lead.manualTemperature !== null}
                    />
                  ) : (
                    <Text size="sm" c="dimmed" title="Closed: no temperature">
                      —<span className="visually-hidden"> closed, no temperature</span>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="nowrap">
                    {formatDate(lead.createdAt, timeZone)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
