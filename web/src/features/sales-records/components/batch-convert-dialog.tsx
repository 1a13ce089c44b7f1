import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { AnchorLink } from '../../../components/links';
import { fullName } from '../../../lib/format';
import { errorMessage } from '../../../lib/problem';
import { useConvertSalesRecords } from '../api/convert-sales-records';
import type { SalesRecordListItem } from '../api/list-sales-records';

type Result = { id: string; individualId?: string; error?: string };

/** Convert the selected closed-won records; each converts on its own, and each outcome is listed. */
export function BatchConvertDialog({
  opened,
  leads,
  skipped,
  onClose,
  onDone,
}: {
  opened: boolean;
  leads: SalesRecordListItem[];
  skipped: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const convert = useConvertSalesRecords();
  const [results, setResults] = useState<{ results: Result[]; names: Map<string, string> } | null>(null);
  const close = () => {
    if (results) onDone();
    setResults(null);
    convert.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={results ? 'Conversion results' : 'Convert to clients?'}
      size="lg"
    >
      {results ? (
        <Stack gap="md">
          <Text size="sm">
            {results.results.filter((r) => r.individualId).length} of {results.results.length} converted.
          </Text>
          <Table verticalSpacing="xs">
            <Table.Caption className="visually-hidden">Outcome of each record</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Record</Table.Th>
                <Table.Th scope="col">Outcome</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.results.map((r) => (
                <Table.Tr key={r.id} data-testid="convert-result">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {results.names.get(r.id) ?? r.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.individualId ? (
                      <Group gap="xs">
                        <Badge color="green" variant="light" tt="none">
                          Converted
                        </Badge>
                        <AnchorLink
                          to="/clients/$id"
                          params={{ id: r.individualId }}
                          size="sm"
                          onClick={close}
                        >
                          Open the client
                        </AnchorLink>
                      </Group>
                    ) : (
                      <Group gap="xs" wrap="nowrap" align="flex-start">
                        <Badge color="red" variant="light" tt="none">
                          Not converted
                        </Badge>
                        <Text size="sm">{r.error}</Text>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          {convert.isError ? <ErrorAlert>{errorMessage(convert.error)}</ErrorAlert> : null}
          <Text>
            {leads.length === 1 ? '1 closed-won record' : `${leads.length} closed-won records`} will become
            clients (Individuals), with their notes, files and policies. The Sales Records stay, read-only, as
            the compliance trail.
          </Text>
          {skipped > 0 ? (
            <Text size="sm" c="dimmed">
              {skipped === 1 ? '1 selected record is' : `${skipped} selected records are`} not closed won and
              will be left as they are.
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              loading={convert.isPending}
              onClick={() =>
                convert.mutate(
                  leads.map((l) => l.id),
                  {
                    onSuccess: (answer) =>
                      setResults({
                        results: answer.results,
                        names: new Map(leads.map((l) => [l.id, fullName(l)])),
                      }),
                  },
                )
              }
            >
              Convert {leads.length === 1 ? '1 record' : `${leads.length} records`}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
