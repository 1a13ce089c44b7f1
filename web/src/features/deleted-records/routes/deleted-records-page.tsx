import { Button, EmptyState, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { IconHistory, IconRestore, IconTrashOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { fullName, useDateTimeFormat } from '../../../lib/format';
import { errorMessage } from '../../../lib/problem';
import { allUsersQueryOptions } from '../../../lib/queries/users';
import { useDeletedRecords } from '../api/list-deleted-records';
import { usePurgedRecords } from '../api/get-audit-trail';
import { useRestoreRecord } from '../api/restore-record';
import { AuditTrailModal } from '../components/audit-trail-modal';

export function DeletedRecordsPage() {
  const deleted = useDeletedRecords();
  const users = useQuery(allUsersQueryOptions());
  const restore = useRestoreRecord();
  const formatTime = useDateTimeFormat();
  const names = new Map((users.data ?? []).map((u) => [u.id, fullName(u, u.username)]));
  const items = deleted.data ?? [];
  const purged = usePurgedRecords();
  const [trailOf, setTrailOf] = useState<{ id: string; name: string } | null>(null);
  const trailButton = (id: string, name: string) => (
    <Button
      size="xs"
      variant="subtle"
      leftSection={<IconHistory size={14} aria-hidden />}
      aria-label={`Audit trail of ${name}`}
      onClick={() => setTrailOf({ id, name })}
    >
      Audit trail
    </Button>
  );

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
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          {trailButton(r.id, name)}
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
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Title order={2} size="h4" mt="xl" mb="sm">
        Purged records
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Records removed for good after 30 days. What each was, and its whole trail, stay in the audit log.
      </Text>
      <Paper withBorder radius="md" p={purged.data?.length ? 0 : 'lg'}>
        {purged.isPending ? (
          <Loading label="Loading purged records…" />
        ) : purged.isError ? (
          <QueryError error={purged.error} onRetry={() => void purged.refetch()} />
        ) : purged.data.length === 0 ? (
          <Text size="sm">No record has been purged.</Text>
        ) : (
          <Table verticalSpacing="sm" data-testid="purged-records">
            <Table.Caption className="visually-hidden">Purged Sales Records, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Deleted by</Table.Th>
                <Table.Th scope="col">Purged</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {purged.data.map((e) => {
                const name = typeof e.data.name === 'string' ? e.data.name : 'A Sales Record';
                const record = (e.data.record ?? {}) as Record<string, unknown>;
                const by = typeof record.deletedByUserId === 'string' ? record.deletedByUserId : null;
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{by ? (names.get(by) ?? '—') : 'An integration'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatTime(e.occurredAt)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">{trailButton(e.subjectId, name)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <AuditTrailModal
        recordId={trailOf?.id ?? null}
        name={trailOf?.name ?? ''}
        onClose={() => setTrailOf(null)}
      />
    </Page>
  );
}
