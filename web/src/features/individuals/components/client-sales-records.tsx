import { Badge, EmptyState, Table, Text } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { Loading, QueryError } from '../../../components/feedback';
import { AnchorLink } from '../../../components/links';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useClientSalesRecords } from '../api/list-client-sales-records';

/**
 * The client's Sales Records — converted into this client, or created for a new sale — as far as
 * I may see them (the server applies my record scope); each opens the Sales Record.
 */
export function ClientSalesRecords({ individualId }: { individualId: string }) {
  const records = useClientSalesRecords(individualId);
  const { timeZone } = useMe();
  if (records.isPending) return <Loading label="Loading Sales Records…" />;
  if (records.isError) return <QueryError error={records.error} onRetry={() => void records.refetch()} />;
  if (records.data.length === 0)
    return (
      <EmptyState
        icon={<IconAddressBook size={26} />}
        variant="light"
        title="No Sales Records you can see"
        description="Sales Records converted into this client, or started with New sale, appear here."
        py="lg"
      />
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm">
        <Table.Caption className="visually-hidden">The client’s Sales Records, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Sales Record</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Sale</Table.Th>
            <Table.Th scope="col">Converted</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.data.map((r) => (
            <Table.Tr key={r.id} data-testid="client-sales-record">
              <Table.Td>
                <AnchorLink to="/leads/$id" params={{ id: r.id }} fw={600} size="sm">
                  {r.recordTypeName} from {formatDate(r.createdAt, timeZone)}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.isClosedWon ? 'green' : 'gray'} tt="none">
                  {r.statusName}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {[r.coverageType, r.carrier, r.product].filter(Boolean).join(' · ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.convertedAt ? formatDate(r.convertedAt, timeZone) : 'Open'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
