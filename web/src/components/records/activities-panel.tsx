import { Badge, Button, EmptyState, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSetActivityDone } from '../../lib/activities/set-activity-done';
import { useDateTimeFormat } from '../../lib/format';
import { errorMessage } from '../../lib/problem';
import { type Activity, useActivities } from '../../lib/queries/activities';
import type { RecordOwner } from '../../lib/queries/attachments';
import { Loading, QueryError } from '../feedback';
import { ActivityDialog } from './activity-dialog';

/** When an activity happens, for lists: "Jun 3, 2030, 10:00 AM" or "Due Jun 3, 2030, 5:00 PM". */
export function useActivityWhen() {
  const fmt = useDateTimeFormat();
  return (a: Activity) => (a.startsAt ? fmt(a.startsAt) : `Due ${fmt(a.dueAt)}`);
}

/** A record's activities, newest first: add one, complete or reopen, open one to edit it. */
export function ActivitiesPanel({ owner, canAdd }: { owner: RecordOwner; canAdd: boolean }) {
  const query = owner.kind === 'sales_record' ? { salesRecordId: owner.id } : { individualId: owner.id };
  const list = useActivities({ ...query, limit: 500, state: 'all' });
  const done = useSetActivityDone();
  const when = useActivityWhen();
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const items = list.data?.items ?? [];

  return (
    <Stack gap="md">
      {canAdd ? (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            Add activity
          </Button>
        </Group>
      ) : null}
      {list.isPending ? (
        <Loading label="Loading activities…" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            icon={<IconCalendarEvent size={26} />}
            variant="light"
            title="No activities yet"
            description="Calls, tasks and appointments on this record show here."
          />
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" aria-label="Activities">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Activity</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id} data-testid="activity-row">
                  <Table.Td>
                    <UnstyledButton onClick={() => setEditing(a)}>
                      <Text fw={600} size="sm" td={a.status.isClosed ? 'line-through' : undefined}>
                        {a.subject}
                      </Text>
                    </UnstyledButton>
                    <Text size="xs" c="dimmed">
                      {a.activityType.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{when(a)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.ownerName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={a.status.isCancelled ? 'gray' : a.status.isClosed ? 'green' : 'blue'}
                    >
                      {a.status.name}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {a.canEdit ? (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={a.status.isClosed ? null : <IconCheck size={14} aria-hidden />}
                        loading={done.isPending && done.variables?.id === a.id}
                        aria-label={`${a.status.isClosed ? 'Reopen' : 'Complete'} ${a.subject}`}
                        onClick={() =>
                          done.mutate(
                            { id: a.id, done: !a.status.isClosed },
                            {
                              onError: (e) =>
                                notifications.show({
                                  color: 'red',
                                  title: 'Could not save',
                                  message: errorMessage(e),
                                }),
                            },
                          )
                        }
                      >
                        {a.status.isClosed ? 'Reopen' : 'Complete'}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <ActivityDialog
        opened={editing !== null}
        activity={editing === 'new' ? null : editing}
        defaults={owner.kind === 'sales_record' ? { salesRecordId: owner.id } : { individualId: owner.id }}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
