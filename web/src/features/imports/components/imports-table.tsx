import { Anchor, Group, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { AnchorLink } from '../../../components/links';
import { formatBytes, useDateTimeFormat } from '../../../lib/format';
import { errorReportUrl, type Import } from '../api/keys';
import { progressPercent } from './import-flow';
import { ImportStatusBadge } from './import-status-badge';

const n = (x: number) => x.toLocaleString('en-US');

/** The account's imports: when, which file, who, status, counts, and links to each and its errors. */
export function ImportsTable({
  items,
  userName,
}: {
  items: Import[];
  userName: (id: string | null) => string;
}) {
  const formatTime = useDateTimeFormat();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm" data-testid="imports-table">
        <Table.Caption className="visually-hidden">Imports, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">File</Table.Th>
            <Table.Th scope="col">By</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">
              Rows
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Created
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Updated
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Skipped
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Failed
            </Table.Th>
            <Table.Th scope="col">Links</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((imp) => (
            <Table.Tr key={imp.id} data-testid="import-row">
              <Table.Td>
                <Text size="sm" className="nowrap">
                  {formatTime(imp.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td maw={240}>
                <Text size="sm" fw={600} truncate title={imp.fileName}>
                  {imp.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatBytes(imp.sizeBytes)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{userName(imp.createdByUserId)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <ImportStatusBadge status={imp.status} />
                  {imp.status === 'running' ? (
                    <Text size="xs" c="dimmed">
                      {progressPercent(imp)}%
                    </Text>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{n(imp.totalRows)}</Table.Td>
              <Table.Td ta="right">{n(imp.created)}</Table.Td>
              <Table.Td ta="right">{n(imp.updated)}</Table.Td>
              <Table.Td ta="right">{n(imp.skipped)}</Table.Td>
              <Table.Td ta="right">{n(imp.failed)}</Table.Td>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <AnchorLink
                    to="/leads/import"
                    search={{ id: imp.id }}
                    size="sm"
                    aria-label={`Open the import of ${imp.fileName}`}
                  >
                    {imp.status === 'uploaded' ? 'Continue' : 'Open'}
                  </AnchorLink>
                  {imp.failed > 0 ? (
                    <Anchor
                      href={errorReportUrl(imp.id)}
                      download
                      size="sm"
                      aria-label={`Error report of ${imp.fileName}`}
                    >
                      <Group gap={4} wrap="nowrap" component="span">
                        <IconDownload size={14} aria-hidden />
                        Errors
                      </Group>
                    </Anchor>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
