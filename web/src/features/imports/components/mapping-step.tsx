import { Alert, Badge, Box, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { AnchorLink } from '../../../components/links';
import type { ImportColumn } from '../api/keys';
import {
  expectedHeadings,
  IGNORE,
  type MappingProblem,
  mappingProblems,
  NOTE,
  type Targets,
} from './import-flow';
import { ProblemAlert } from './problem-alert';

/** How many sample values of each column the mapping table shows. */
const SAMPLES = 3;

export type UploadedFile = {
  fileName: string;
  totalRows: number;
  headings: string[];
  /** Headings the API did not recognise (suggested target "unmapped"). */
  undocumented: string[];
  /** The first rows, or null after a reload (the API returns them only at upload). */
  preview: string[][] | null;
  /** Each preview row's number, the headings being row 1 — as the error report numbers rows. */
  previewRows: number[] | null;
};

/**
 * Step 2: the first rows, and each column's target (a documented field, Note, or not imported).
 * Problems found here, or returned by the API when the import is started, are listed above the
 * table with the expected and the found headings; Continue is refused until they are solved.
 */
export function MappingStep({
  file,
  columns,
  targets,
  onChange,
  apiProblems,
  onBack,
  onNext,
}: {
  file: UploadedFile;
  columns: ImportColumn[];
  targets: Targets;
  onChange: (targets: Targets) => void;
  /** Problems the API returned for this mapping when the import was started. */
  apiProblems: MappingProblem[];
  onBack: () => void;
  onNext: () => void;
}) {
  const [tried, setTried] = useState(false);
  const problems = useMemo(
    () => mappingProblems(file.headings, targets, columns),
    [file.headings, targets, columns],
  );
  const shown = apiProblems.length ? apiProblems : tried ? problems : [];
  // The alert above has the full sentences; a column not chosen yet gets a short one of its own.
  const columnError = (i: number) => {
    const problem = shown.find((p) => p.column === i);
    if (!problem) return undefined;
    return targets[i] == null && !apiProblems.length
      ? 'Not documented: choose Note, Don’t import, or a field.'
      : problem.message;
  };
  const options = useMemo(
    () => [
      {
        group: 'Lead fields',
        items: columns
          .filter((c) => c.key !== NOTE)
          .map((c) => ({ value: c.key, label: c.required ? `${c.heading} (required)` : c.heading })),
      },
      {
        group: 'Other',
        items: [
          { value: NOTE, label: 'Note (each cell becomes a note)' },
          { value: IGNORE, label: 'Don’t import' },
        ],
      },
    ],
    [columns],
  );
  const samples = (i: number) =>
    (file.preview ?? [])
      .map((row) => row[i]?.trim() ?? '')
      .filter(Boolean)
      .slice(0, SAMPLES);

  return (
    <Stack gap="md">
      {shown.length ? (
        <ProblemAlert
          title={apiProblems.length ? 'The import was not started' : 'Some columns need attention'}
          detail={
            <>
              Headings must match the documented ones exactly (case and spacing). Expected:{' '}
              <strong>{expectedHeadings(columns).join(', ')}</strong>. Found:{' '}
              <strong>{file.headings.join(', ')}</strong>.
            </>
          }
          problems={shown.map((p) => p.message)}
        />
      ) : file.undocumented.length ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          title="Headings we don’t know"
        >
          {file.undocumented.length === 1 ? 'One heading is' : `${file.undocumented.length} headings are`} not
          documented: <strong>{file.undocumented.join(', ')}</strong>. Choose what each holds, map it to Note,
          or don’t import it.{' '}
          <AnchorLink to="/leads/import/columns" underline="always">
            See the documented headings
          </AnchorLink>
          .
        </Alert>
      ) : null}

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" data-testid="mapping-table">
            <Table.Caption className="visually-hidden">
              Columns of {file.fileName}, with sample values and what each is imported as
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={48}>
                  #
                </Table.Th>
                <Table.Th scope="col">Heading in the file</Table.Th>
                <Table.Th scope="col">First values</Table.Th>
                <Table.Th scope="col" w={300}>
                  Import as
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.headings.map((heading, i) => {
                const values = samples(i);
                const error = columnError(i);
                return (
                  <Table.Tr key={`${i}-${heading}`} data-testid="mapping-row">
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {i + 1}
                      </Text>
                    </Table.Td>
                    <Table.Th scope="row" fw={600}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600} className="break-all">
                          {heading || '(empty heading)'}
                        </Text>
                        {file.undocumented.includes(heading) ? (
                          <Badge size="xs" color="yellow" variant="light" tt="none">
                            not documented
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Th>
                    <Table.Td maw={320}>
                      <Text size="sm" c={values.length ? undefined : 'dimmed'} lineClamp={2}>
                        {values.length ? values.join(' · ') : file.preview ? 'Empty in the first rows' : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Import column ${i + 1} “${heading}” as`}
                        placeholder="Choose…"
                        data={options}
                        value={targets[i] ?? null}
                        searchable
                        allowDeselect={false}
                        nothingFoundMessage="No such field"
                        error={error}
                        onChange={(v) => {
                          const next = [...targets];
                          next[i] = v;
                          onChange(next);
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <PreviewTable file={file} />

      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          Choose another file
        </Button>
        <Button
          rightSection={<IconArrowRight size={16} aria-hidden />}
          onClick={() => {
            setTried(true);
            if (problems.length === 0) onNext();
          }}
        >
          Continue to defaults
        </Button>
      </Group>
    </Stack>
  );
}

/** The first rows as they are in the file (scrolls sideways for wide files). */
function PreviewTable({ file }: { file: UploadedFile }) {
  if (!file.preview) {
    return (
      <Text size="sm" c="dimmed">
        The first rows are shown right after upload only; upload the file again to see them.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Title order={3} fz="md" id="import-preview-title">
        First {file.preview.length === 1 ? 'row' : `${file.preview.length} rows`} of{' '}
        {file.totalRows.toLocaleString('en-US')}
      </Title>
      <Box
        component="section"
        tabIndex={0}
        aria-labelledby="import-preview-title"
        style={{ overflowX: 'auto' }}
        bd="1px solid var(--mantine-color-gray-3)"
        bdrs="md"
        bg="white"
      >
        <Table striped withColumnBorders fz="xs" verticalSpacing={4} style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              {file.headings.map((h, i) => (
                <Table.Th key={`${i}-${h}`} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.preview.map((row, r) => (
              <Table.Tr key={r}>
                <Table.Td c="dimmed">{file.previewRows?.[r] ?? r + 2}</Table.Td>
                {file.headings.map((h, i) => (
                  <Table.Td
                    key={`${i}-${h}`}
                    maw={240}
                    style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}
                  >
                    {row[i] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}
