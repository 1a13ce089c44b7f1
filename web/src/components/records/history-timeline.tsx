import { EmptyState, Table, Text, Timeline } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import {
  IconCalendarCheck,
  IconCalendarEvent,
  IconCalendarMinus,
  IconFilePlus,
  IconFileX,
  IconHistory,
  IconNote,
  IconNoteOff,
  IconShieldHalf,
} from '@tabler/icons-react';
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

/**
 * What happened to something attached to a Sales Record or an Individual — notes, files, policies
 * and activities added, completed and removed — the same on both records; null for other events.
 */
export function attachedEventView(e: { type: string; data: Record<string, unknown> }): EventView | null {
  const text = (key: string) => (typeof e.data[key] === 'string' ? (e.data[key] as string) : '');
  const quoted = (key: string) => (text(key) ? ` “${text(key)}”` : '');
  switch (e.type) {
    case 'sales_record.note_added':
    case 'individual.note_added':
      return { title: 'added a note', icon: <IconNote size={14} aria-hidden /> };
    case 'sales_record.note_removed':
    case 'individual.note_removed':
      return {
        title: 'removed a note',
        icon: <IconNoteOff size={14} aria-hidden />,
        body: text('body') ? (
          <Text size="sm" c="dimmed" mt={4} lineClamp={3} className="history-removed-note">
            {text('body')}
          </Text>
        ) : undefined,
      };
    case 'file.added':
      return {
        title: `attached ${e.data.url ? 'the link' : 'the file'}${quoted('name')}`,
        icon: <IconFilePlus size={14} aria-hidden />,
      };
    case 'file.removed':
      return { title: `removed${quoted('name')}`, icon: <IconFileX size={14} aria-hidden /> };
    case 'policy.created':
      return {
        title: `added the policy ${text('carrier')} ${text('product')}`.trimEnd(),
        icon: <IconShieldHalf size={14} aria-hidden />,
      };
    case 'policy.deleted':
      return {
        title: `removed the policy ${text('carrier')} ${text('product')}`.trimEnd(),
        icon: <IconShieldHalf size={14} aria-hidden />,
      };
    case 'activity.created':
      return {
        title: `added the activity${quoted('subject')}`,
        icon: <IconCalendarEvent size={14} aria-hidden />,
      };
    case 'activity.updated':
      return {
        title: `changed the activity${quoted('subject')}`,
        icon: <IconCalendarEvent size={14} aria-hidden />,
      };
    case 'activity.completed':
      return {
        title: `completed the activity${quoted('subject')}`,
        icon: <IconCalendarCheck size={14} aria-hidden />,
      };
    case 'activity.reopened':
      return {
        title: `reopened the activity${quoted('subject')}`,
        icon: <IconCalendarEvent size={14} aria-hidden />,
      };
    case 'activity.deleted':
      return {
        title: `removed the activity${quoted('subject')}`,
        icon: <IconCalendarMinus size={14} aria-hidden />,
      };
    default:
      return null;
  }
}

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
