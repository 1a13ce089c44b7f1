import { Code, Modal, Stack, Table, Text } from '@mantine/core';
import { Loading, QueryError } from '../../../components/feedback';
import { fullName, useDateTimeFormat } from '../../../lib/format';
import { useAuditTrail } from '../api/get-audit-trail';

const TITLES: Record<string, string> = {
  'sales_record.created': 'Created',
  'sales_record.updated': 'Changed',
  'sales_record.bulk_updated': 'Changed in a bulk action',
  'sales_record.deleted': 'Deleted',
  'sales_record.restored': 'Restored',
  'sales_record.purged': 'Purged (removed for good)',
  'sales_record.converted': 'Converted to a client',
  'sales_record.note_added': 'Note added',
  'sales_record.note_removed': 'Note removed',
  'file.added': 'File added',
  'file.removed': 'File removed',
  'policy.created': 'Policy added',
  'policy.updated': 'Policy changed',
  'policy.deleted': 'Policy removed',
  'activity.created': 'Activity added',
  'activity.completed': 'Activity completed',
  'activity.deleted': 'Activity removed',
};

/** The whole audit trail of one Sales Record — deleted or purged too — for admins. */
export function AuditTrailModal({
  recordId,
  name,
  onClose,
}: {
  recordId: string | null;
  name: string;
  onClose: () => void;
}) {
  const trail = useAuditTrail(recordId);
  const formatTime = useDateTimeFormat();
  return (
    <Modal opened={recordId !== null} onClose={onClose} title={`Audit trail: ${name}`} size="xl">
      {trail.isPending ? (
        <Loading label="Loading the audit trail…" />
      ) : trail.isError ? (
        <QueryError error={trail.error} onRetry={() => void trail.refetch()} />
      ) : (
        <Table verticalSpacing="xs" fz="sm" data-testid="audit-trail">
          <Table.Caption className="visually-hidden">Audit trail, newest first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">What</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trail.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <time dateTime={e.occurredAt}>{formatTime(e.occurredAt)}</time>
                </Table.Td>
                <Table.Td>
                  {e.actor ? fullName(e.actor) : e.actorApiKeyId ? 'An integration' : 'OpenAMS'}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {TITLES[e.type] ?? e.type}
                    </Text>
                    <Code block fz="xs" mah={160} style={{ overflow: 'auto' }}>
                      {JSON.stringify(e.data, null, 1)}
                    </Code>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
