import { Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useState } from 'react';
import { type Activity, useMyActivities } from '../lib/queries/activities';
import { Loading, QueryError } from './feedback';
import { AnchorLink } from './links';
import { ActivityDialog } from './records/activity-dialog';
import { useActivityWhen } from './records/activities-panel';

/** The dashboard card: my open activities (and my teams’) due or starting within a week, overdue first. */
export function MyActivitiesCard() {
  const mine = useMyActivities(7);
  const when = useActivityWhen();
  const [open, setOpen] = useState<Activity | null>(null);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="my-activities-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="my-activities-title">
          My activities
        </Title>
        <AnchorLink to="/calendar" size="sm">
          Open the calendar
        </AnchorLink>
      </Group>
      {mine.isPending ? (
        <Loading label="Loading your activities…" minHeight={80} />
      ) : mine.isError ? (
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconCalendarEvent size={18} aria-hidden />
          <Text size="sm">Nothing due in the next 7 days.</Text>
        </Group>
      ) : (
        <Stack gap={6} component="ul" className="plain-list" data-testid="my-activities">
          {mine.data.map((a) => (
            <li key={a.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <UnstyledButton onClick={() => setOpen(a)} miw={0}>
                  <Text size="sm" fw={600} truncate>
                    {a.subject}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {a.activityType.name} · {when(a)}
                    {a.record ? ` · ${a.record.name}` : ''}
                  </Text>
                </UnstyledButton>
                {a.overdue ? (
                  <Badge color="red" variant="light" size="sm">
                    Overdue
                  </Badge>
                ) : null}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <ActivityDialog opened={open !== null} activity={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
