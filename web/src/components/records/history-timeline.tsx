import { EmptyState, Table, Text, Timeline } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { IconHistory } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { fullName, useDateTimeFormat } from '../../lib/format';
import { Loading, QueryError } from '../feedback';

/** One field of a change: its label, the value before (when there was one) and after. */
export type ChangeRow = { label: string; from?: string; to: string };

/** A record's field changes as a small table ("Field · From · To", or "Field · Value" on creation). */
export function ChangesTable({ rows, caption }: { rows: ChangeRow[]; caption: string }) {
  if (rows.length === 0) return null;
  const withFrom = rows.some((r) => r.from !== undefined);
  return (
    <Table withTableBorder={false} verticalSpacing={4} fz="sm" mt={6} maw={720} className="history-changes">
      <Table.Caption className="visually-hidden">{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Field</Table.Th>
          {withFrom ? <Table.Th scope="col">From</Table.Th> : null}
          <Table.Th scope="col">{withFrom ? 'To' : 'Value'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Td fw={500}>{r.label}</Table.Td>
            {withFrom ? <Table.Td c="dimmed">{r.from}</Table.Td> : null}
            <Table.Td>{r.to}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type AuditEvent = {
  id: string;
  occurredAt: string;
  actor: { firstName: string; lastName: string } | null;
};
export type EventView = { title: string; icon: ReactNode; body?: ReactNode };

/** An audit trail, newest first: who did what and when, each event described by `view`. */
export function HistoryTimeline<E extends AuditEvent>({
  history,
  view,
}: {
  history: UseQueryResult<E[]>;
  view: (e: E) => EventView;
}) {
  const formatTime = useDateTimeFormat();
  if (history.isPending) return <Loading label="Loading the history…" />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0)
    return <EmptyState icon={<IconHistory size={26} />} variant="light" title="No history yet" py="lg" />;
  const events = [...history.data].reverse();
  return (
    <Timeline bulletSize={24} lineWidth={2} active={events.length} aria-label="History, newest first">
      {events.map((e) => {
        const v = view(e);
        return (
          <Timeline.Item
            key={e.id}
            bullet={v.icon}
            data-testid="history-event"
            title={
              <Text size="sm">
                <strong>{e.actor ? fullName(e.actor) : 'OpenAMS'}</strong> {v.title}
              </Text>
            }
          >
            <Text size="xs" c="dimmed" component="time" dateTime={e.occurredAt}>
              {formatTime(e.occurredAt)}
            </Text>
            {v.body}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
