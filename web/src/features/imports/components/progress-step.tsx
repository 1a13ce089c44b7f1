import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../../components/links';
import type { Import } from '../api/keys';
import { ImportCounts } from './import-counts';
import { progressAnnouncement, progressPercent } from './import-flow';

/**
 * Step 4: the running import. The bar follows the job's committed batches (the page polls the
 * import); screen readers get the progressbar's value and a live sentence every 10%.
 */
export function ProgressStep({ imp }: { imp: Import }) {
  const pct = progressPercent(imp);
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Text fw={600} id="import-progress-label">
              {imp.status === 'queued' ? 'Waiting to start…' : `Importing “${imp.fileName}”…`}
            </Text>
            <Text size="sm" c="dimmed" data-testid="import-rows-done">
              {imp.processedRows.toLocaleString('en-US')} of {imp.totalRows.toLocaleString('en-US')} rows ·{' '}
              {pct}%
            </Text>
          </Group>
          <Progress
            value={pct}
            size="xl"
            radius="md"
            striped
            animated
            aria-label="Import progress"
            transitionDuration={200}
          />
          <Text className="visually-hidden" role="status" aria-live="polite">
            {progressAnnouncement(imp)}
          </Text>
        </Stack>
      </Paper>
      <ImportCounts imp={imp} />
      <Text size="sm" c="dimmed">
        The import runs on the server: you may leave this page and find it later in{' '}
        <AnchorLink to="/leads/imports" underline="always">
          Import history
        </AnchorLink>
        .
      </Text>
    </Stack>
  );
}
