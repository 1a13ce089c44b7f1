import { Card, Table, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../../components/links';
import { TemperatureBadge } from '../../../components/temperature-badge';
import { fullName, useDateTimeFormat } from '../../../lib/format';
import type { RecordType } from '../../../lib/queries/record-types';
import type { SalesDashboard } from '../api/get-sales-dashboard';

/** The newest open records, each linking to its page. */
export function RecentRecords({
  rows,
  recordTypes,
}: {
  rows: SalesDashboard['recent'];
  recordTypes: RecordType[];
}) {
  const formatTime = useDateTimeFormat();
  const statuses = new Map(recordTypes.flatMap((t) => t.statuses.map((s) => [s.id, s.name] as const)));
  const types = new Map(recordTypes.map((t) => [t.id, t.name]));
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} fz="md" mb="md">
        Recent records
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          No records yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Caption className="visually-hidden">The newest open Sales Records</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Type · status</Table.Th>
                <Table.Th scope="col">Temperature</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid="recent-record">
                  <Table.Td>
                    <AnchorLink to="/leads/$id" params={{ id: r.id }} size="sm" fw={600}>
                      {fullName(r)}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {types.get(r.recordTypeId) ?? '—'} · {statuses.get(r.statusId) ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TemperatureBadge temperature={r.temperature} manual={r.manualTemperature !== null} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatTime(r.createdAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
