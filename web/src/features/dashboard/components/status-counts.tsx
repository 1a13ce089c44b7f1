import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { RecordType } from '../../../lib/queries/record-types';
import type { SalesDashboard } from '../api/get-sales-dashboard';

/** Open records per status, grouped by record type; each count links to the filtered lead list. */
export function StatusCounts({
  rows,
  recordTypes,
}: {
  rows: SalesDashboard['byStatus'];
  recordTypes: RecordType[];
}) {
  const counts = new Map(rows.map((r) => [r.statusId, r.count]));
  const types = recordTypes.filter((t) => t.statuses.some((s) => (counts.get(s.id) ?? 0) > 0));
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} fz="md" mb="md">
        Records by status
      </Title>
      {types.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing to count yet.
        </Text>
      ) : (
        <Stack gap="md">
          {types.map((t) => (
            <div key={t.id}>
              <Text size="sm" fw={600} mb={4} id={`status-counts-${t.id}`}>
                {t.name}
              </Text>
              <Stack gap={2} component="ul" className="plain-list" aria-labelledby={`status-counts-${t.id}`}>
                {t.statuses.map((s) => {
                  const n = counts.get(s.id) ?? 0;
                  return (
                    <li key={s.id}>
                      <Link
                        to="/leads"
                        search={{ recordTypeId: t.id, statusId: s.id }}
                        className="status-count-link"
                        data-testid="status-count"
                      >
                        <Group justify="space-between" wrap="nowrap" px={8} py={4}>
                          <Text size="sm">{s.name}</Text>
                          <Badge
                            variant={n ? 'light' : 'default'}
                            color={s.isClosedWon ? 'green' : undefined}
                            size="md"
                          >
                            {n}
                          </Badge>
                        </Group>
                      </Link>
                    </li>
                  );
                })}
              </Stack>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
