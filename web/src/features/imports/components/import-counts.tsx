import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { Import } from '../api/keys';

const COUNTS = [
  { key: 'created', label: 'Created', help: 'New Sales Records' },
  { key: 'updated', label: 'Matched and updated', help: 'Existing records filled in' },
  { key: 'skipped', label: 'Matched and skipped', help: 'Duplicates left as they were' },
  { key: 'failed', label: 'Failed', help: 'Rows in the error report' },
] as const;

/** Created, updated, skipped and failed rows, as a list of labelled figures. */
export function ImportCounts({ imp }: { imp: Import }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0} aria-label="Import counts">
      {COUNTS.map((c) => (
        <Paper key={c.key} withBorder radius="md" p="sm" data-testid={`count-${c.key}`}>
          <Text component="dt" size="sm" c="dimmed">
            {c.label}
          </Text>
          <dd style={{ margin: 0 }}>
            <Text span display="block" fz={24} fw={700} lh={1.3} data-testid="count-value">
              {imp[c.key].toLocaleString('en-US')}
            </Text>
            <Text span display="block" size="xs" c="dimmed">
              {c.help}
            </Text>
          </dd>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
