import { UnstyledButton } from '@mantine/core';
import type { Activity } from '../../../lib/queries/activities';
import { placeOf, timeLabel } from './calendar-model';

/** One activity in a calendar cell: a button that opens it. */
export function ActivityChip({
  activity: a,
  timeZone,
  onOpen,
}: {
  activity: Activity;
  timeZone: string;
  onOpen: (a: Activity) => void;
}) {
  const p = placeOf(a, timeZone);
  const time = p ? timeLabel(p.time) : '';
  const label = `${a.subject}, ${a.startsAt ? time : `due ${time}`}, ${a.activityType.name}, ${a.status.name}, ${a.ownerName}`;
  return (
    <UnstyledButton
      className="calendar-chip"
      data-closed={a.status.isClosed || undefined}
      data-appointment={a.activityType.category === 'appointment' || undefined}
      style={a.activityType.color ? { borderLeftColor: a.activityType.color } : undefined}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(a);
      }}
      aria-label={label}
      title={label}
      data-testid="calendar-activity"
    >
      <span className="calendar-chip-time">{a.startsAt ? time : `Due ${time}`}</span> {a.subject}
    </UnstyledButton>
  );
}
