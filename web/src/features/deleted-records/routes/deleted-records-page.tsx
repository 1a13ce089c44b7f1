import { Button, EmptyState, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore, IconTrashOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { fullName, useDateTimeFormat } from '../../../lib/format';
import { errorMessage } from '../../../lib/problem';
import { allUsersQueryOptions } from '../../../lib/queries/users';
import { useDeletedRecords } from '../api/list-deleted-records';
import { useRestoreRecord } from '../api/restore-record';

export function DeletedRecordsPage() {
  const deleted = useDeletedRecords();
  const users = useQuery(allUsersQueryOptions());
  const restore = useRestoreRecord();
  const formatTime = useDateTimeFormat();
  const names = new Map((users.data ?? []).map((u) => [u.id, fullName(u, u.username)]));
  const items = deleted.data ?? [];

  return (
    <Page
      title="Deleted records"
      description="Deleted Sales Records can be restored for 30 days; after that they are removed for good. Each deletion and restore stays in the audit trail."
    >
      <Paper withBorder radius="md" p={items.length ? 0 : 'lg'}>
        {deleted.isPending ? (
          <Loading label="Loading deleted records…" />
        ) : deleted.isError ? (
          <QueryError error={deleted.error} onRetry={() => void deleted.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconTrashOff size={26} />}
            variant="light"
            title="Nothing to restore"
            description="No Sales Record was deleted in the last 30 days."
            py="xl"
          />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm">
              <Table.Caption className="visually-hidden">Deleted Sales Records, newest first</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Deleted</Table.Th>
                  <Table.Th scope="col">By</Table.Th>
                  <Table.Th scope="col">Restorable until</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => {
                  const name = fullName(r);
                  return (
                    <Table.Tr key={r.id} data-testid="deleted-row">
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatTime(r.deletedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {r.deletedByUserId ? (names.get(r.deletedByUserId) ?? '—') : 'An integration'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatTime(r.recoverableUntil)}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconRestore size={14} aria-hidden />}
                          aria-label={`Restore ${name}`}
                          loading={restore.isPending && restore.variables === r.id}
                          onClick={() =>
                            restore.mutate(r.id, {
                              onSuccess: () =>
                                notifications.show({
                                  color: 'green',
                                  title: 'Record restored',
                                  message: `${name} is back in the lead list.`,
                                }),
                              onError: (error) =>
                                notifications.show({
                                  color: 'red',
                                  title: 'Not restored',
                                  message: errorMessage(error),
                                }),
                            })
                          }
                        >
                          Restore
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Page>
  );
}
