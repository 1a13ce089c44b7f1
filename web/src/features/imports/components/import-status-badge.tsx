import { Badge } from '@mantine/core';
import type { ImportStatus } from '../api/keys';

const STATUSES: Record<ImportStatus, { label: string; color: string }> = {
  uploaded: { label: 'Not started', color: 'gray' },
  queued: { label: 'Waiting', color: 'blue' },
  running: { label: 'Running', color: 'blue' },
  completed: { label: 'Completed', color: 'green' },
  failed: { label: 'Stopped', color: 'red' },
  rolled_back: { label: 'Rolled back', color: 'orange' },
};

export const importStatusLabel = (status: ImportStatus) => STATUSES[status].label;

/** An import's status in words people use. */
export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return (
    <Badge color={STATUSES[status].color} variant="light" tt="none">
      {STATUSES[status].label}
    </Badge>
  );
}
