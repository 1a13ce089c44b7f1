import { Anchor, Badge, Button, EmptyState, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { AnchorLink } from '../../../components/links';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { errorMessage } from '../../../lib/problem';
import { useAllUsers } from '../../../lib/queries/users';
import { useDeleteSchedule } from '../api/delete-schedule';
import { type Schedule, useSchedules } from '../api/list-schedules';
import { CopyLinkButton } from '../components/copy-link-button';

/** Settings › Appointment scheduler: the account's schedules with their public links. */
export function SchedulesPage() {
  const schedules = useSchedules();
  const users = useAllUsers();
  const remove = useDeleteSchedule();
  const [deleting, setDeleting] = useState<Schedule | null>(null);
  const nameOf = (id: string) => {
    const u = users.data?.find((x) => x.id === id);
    return u ? `${u.firstName} ${u.lastName}` : '…';
  };
  const items = schedules.data ?? [];

  return (
    <Page
      title="Appointment scheduler"
      description="Public booking pages: people pick an open time, and the appointment lands on the calendar of the first free user."
      actions={
        <Button
          component={Link}
          to="/settings/schedules/new"
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          New schedule
        </Button>
      }
    >
      {schedules.isPending ? (
        <Loading label="Loading schedules…" />
      ) : schedules.isError ? (
        <QueryError error={schedules.error} onRetry={() => void schedules.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            icon={<IconCalendarTime size={26} />}
            variant="light"
            title="No schedules yet"
            description="Create one and share its link on your website or in emails."
            py="xl"
          />
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Public link</Table.Th>
                  <Table.Th>Users</Table.Th>
                  <Table.Th>Length</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <AnchorLink
                          to="/settings/schedules/$scheduleId"
                          params={{ scheduleId: s.id }}
                          fw={600}
                        >
                          {s.name}
                        </AnchorLink>
                        {s.active ? null : (
                          <Badge color="gray" variant="light">
                            Inactive
                          </Badge>
                        )}
                        {s.ownerUserId ? (
                          <Badge color="indigo" variant="light">
                            Personal
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Anchor href={s.publicUrl} target="_blank" rel="noreferrer" size="sm">
                          /book/{s.slug}
                        </Anchor>
                        <CopyLinkButton url={s.publicUrl} label="Copy link" />
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.userIds.map(nameOf).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.lengthMinutes} min</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button variant="subtle" color="red" size="compact-sm" onClick={() => setDeleting(s)}>
                        Delete<span className="visually-hidden"> {s.name}</span>
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting?.name ?? ''}?`}
      >
        <Stack>
          <Text size="sm">
            Its public link stops working at once. Appointments already booked stay on the calendar.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                deleting &&
                remove.mutate(deleting.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'green', title: 'Schedule deleted', message: deleting.name });
                    setDeleting(null);
                  },
                  onError: (e) =>
                    notifications.show({ color: 'red', title: 'Could not delete', message: errorMessage(e) }),
                })
              }
            >
              Delete schedule
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}
