import { Card, Grid, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Loading, QueryError } from '../../../components/feedback';
import { ButtonLink } from '../../../components/links';
import { MyActivitiesCard } from '../../../components/my-activities-card';
import { Page } from '../../../components/page';
import { TEMPERATURE_LABELS, TEMPERATURES } from '../../../components/temperature-badge';
import { useRecordTypes } from '../../../lib/queries/record-types';
import { canOnRecordType, useMe } from '../../../lib/session';
import { useState } from 'react';
import { type DashboardWhose, useSalesDashboard } from '../api/get-sales-dashboard';
import { RecentRecords } from '../components/recent-records';
import { StatusCounts } from '../components/status-counts';
import { TemperatureChart } from '../components/temperature-chart';

export function DashboardPage() {
  const me = useMe();
  const [whose, setWhose] = useState<DashboardWhose>('mine');
  const dashboard = useSalesDashboard(whose);
  const recordTypes = useRecordTypes();
  const failed = dashboard.isError ? dashboard : recordTypes.isError ? recordTypes : null;
  const canAdd = (recordTypes.data ?? []).some((t) => canOnRecordType(me, 'add', t.id));
  const data = dashboard.data;
  const totals = data
    ? TEMPERATURES.map((t) => ({ t, n: data.byRecordType.reduce((sum, r) => sum + r.temperatures[t], 0) }))
    : [];
  const total = data ? data.byRecordType.reduce((sum, r) => sum + r.count, 0) : 0;

  return (
    <Page
      title="Dashboard"
      description={
        whose === 'mine'
          ? 'Your open Sales Records (assigned to you or your agent; not closed or converted) at a glance.'
          : 'Every open Sales Record you may see (not closed or converted) at a glance.'
      }
      actions={
        <Group gap="sm">
          <SegmentedControl
            aria-label="Whose records"
            value={whose}
            onChange={(v) => setWhose(v as DashboardWhose)}
            data={[
              { value: 'mine', label: 'Mine' },
              { value: 'all', label: 'All I can see' },
            ]}
          />
          {canAdd ? (
            <ButtonLink to="/leads/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New lead
            </ButtonLink>
          ) : null}
        </Group>
      }
    >
      {failed ? (
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !data || !recordTypes.data ? (
        <Loading label="Loading the dashboard…" />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
            <Card withBorder radius="md" padding="md">
              <Text size="sm" c="dimmed">
                Open records
              </Text>
              <Text fz={28} fw={700} data-testid="total-open">
                {total}
              </Text>
            </Card>
            {totals.map(({ t, n }) => (
              <Card key={t} withBorder radius="md" padding="md">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    {TEMPERATURE_LABELS[t]}
                  </Text>
                  <span className={`temp-swatch temp-${t}`} aria-hidden />
                </Group>
                <Text fz={28} fw={700}>
                  {n}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <TemperatureChart rows={data.byRecordType} recordTypes={recordTypes.data} />
                <RecentRecords rows={data.recent} recordTypes={recordTypes.data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="lg">
                <MyActivitiesCard />
                <StatusCounts rows={data.byStatus} recordTypes={recordTypes.data} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </Page>
  );
}
