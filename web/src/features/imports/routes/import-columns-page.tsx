import { Anchor, Badge, Code, Group, Paper, Table, Text } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { Loading, QueryError } from '../../../components/feedback';
import { ButtonLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { useImportColumns } from '../api/get-import-columns';
import { TEMPLATE_CSV_URL } from '../api/keys';

/** The documented CSV headings (docs/import-columns.md, from the API): exact spelling, required, format. */
export function ImportColumnsPage() {
  const columns = useImportColumns();
  return (
    <Page
      title="CSV column headings"
      description="The first line of an import file holds these headings, spelled exactly as shown (case and spacing). Any other column can be mapped to Note — each non-empty cell becomes a note — or left out."
      actions={
        <>
          <Anchor href={TEMPLATE_CSV_URL} download size="sm">
            <Group gap={6} wrap="nowrap" component="span">
              <IconDownload size={16} aria-hidden />
              Template CSV
            </Group>
          </Anchor>
          <ButtonLink to="/leads/import" search={{}} leftSection={<IconUpload size={16} aria-hidden />}>
            Import leads
          </ButtonLink>
        </>
      }
    >
      <Paper withBorder radius="md">
        {columns.isPending ? (
          <Loading label="Loading the headings…" />
        ) : columns.isError ? (
          <QueryError error={columns.error} onRetry={() => void columns.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="columns-table">
              <Table.Caption className="visually-hidden">Documented CSV headings</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">CSV heading</Table.Th>
                  <Table.Th scope="col">Field (HTTP POST)</Table.Th>
                  <Table.Th scope="col">Required</Table.Th>
                  <Table.Th scope="col">Format</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {columns.data.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Th scope="row">
                      <Text size="sm" fw={600}>
                        {c.heading}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Code>{c.key}</Code>
                    </Table.Td>
                    <Table.Td>
                      {c.required ? (
                        <Badge variant="light" color="red" tt="none">
                          Required
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Optional
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.hint ?? '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Text size="sm" c="dimmed">
        Rows are matched against existing leads (and earlier rows of the same file) by email, by phone or cell
        phone in any format, or by first name, last name and date of birth. Phones are stored in E.164, dates
        as YYYY-MM-DD (MM/DD/YYYY is read too), Medicare numbers without dashes.
      </Text>
    </Page>
  );
}
