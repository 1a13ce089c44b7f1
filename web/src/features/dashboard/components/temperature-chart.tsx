import { Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { TEMPERATURE_LABELS, TEMPERATURES } from '../../../components/temperature-badge';
import type { RecordType } from '../../../lib/queries/record-types';
import type { SalesDashboard } from '../api/get-sales-dashboard';

/**
 * Records per record type as stacked bars of the four temperatures (plain CSS, no chart
 * library). Each bar is labelled in words for screen readers, and the counts are printed below.
 */
export function TemperatureChart({
  rows,
  recordTypes,
}: {
  rows: SalesDashboard['byRecordType'];
  recordTypes: RecordType[];
}) {
  const ordered = recordTypes
    .map((t) => ({ type: t, row: rows.find((r) => r.recordTypeId === t.id) }))
    .filter((x) => x.row && x.row.count > 0);
  const max = Math.max(1, ...ordered.map((x) => x.row!.count));
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} fz="md">
          Open records by type and temperature
        </Title>
        <Group gap="sm" aria-hidden>
          {TEMPERATURES.map((t) => (
            <Group key={t} gap={4}>
              <span className={`temp-swatch temp-${t}`} />
              <Text size="xs">{TEMPERATURE_LABELS[t]}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      {ordered.length === 0 ? (
        <Text c="dimmed" size="sm">
          No open records yet.
        </Text>
      ) : (
        <Stack gap="md" component="ul" className="plain-list">
          {ordered.map(({ type, row }) => {
            const r = row!;
            const words = TEMPERATURES.map(
              (t) => `${r.temperatures[t]} ${TEMPERATURE_LABELS[t].toLowerCase()}`,
            ).join(', ');
            return (
              <Box component="li" key={type.id} data-testid="type-bar">
                <Group justify="space-between" mb={4}>
                  <Text size="sm" fw={600}>
                    {type.name}
                  </Text>
                  <Text size="sm" fw={600}>
                    {r.count}
                  </Text>
                </Group>
                <div
                  className="temp-bar"
                  role="img"
                  aria-label={`${type.name}: ${r.count} records, ${words}`}
                  style={{ width: `${Math.max(8, (r.count / max) * 100)}%` }}
                >
                  {TEMPERATURES.map((t) =>
                    r.temperatures[t] > 0 ? (
                      <span
                        key={t}
                        className={`temp-${t}`}
                        style={{ flexGrow: r.temperatures[t] }}
                        title={`${TEMPERATURE_LABELS[t]}: ${r.temperatures[t]}`}
                      />
                    ) : null,
                  )}
                </div>
                <Group gap="md" mt={4} aria-hidden>
                  {TEMPERATURES.map((t) => (
                    <Text key={t} size="xs" c="dimmed">
                      {TEMPERATURE_LABELS[t]} {r.temperatures[t]}
                    </Text>
                  ))}
                </Group>
              </Box>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
