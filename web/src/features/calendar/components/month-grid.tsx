import type { Activity } from '../../../lib/queries/activities';
import { ActivityChip } from './activity-chip';
import { longDayLabel } from './calendar-model';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHOWN = 3;

/** Month view: six weeks; each day lists its first activities, adds one at 9 AM, or opens the day. */
export function MonthGrid({
  days,
  month,
  today,
  byDay,
  timeZone,
  onOpen,
  onNew,
  onShowDay,
}: {
  days: string[];
  month: string;
  today: string;
  byDay: Map<string, Activity[]>;
  timeZone: string;
  onOpen: (a: Activity) => void;
  onNew: (day: string) => void;
  onShowDay: (day: string) => void;
}) {
  const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
  return (
    <table className="calendar-table calendar-month" aria-label="Month">
      <thead>
        <tr>
          {WEEKDAYS.map((w) => (
            <th scope="col" key={w}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((d) => {
              const items = byDay.get(d) ?? [];
              return (
                <td
                  key={d}
                  data-outside={!d.startsWith(month) || undefined}
                  data-today={d === today || undefined}
                >
                  <div className="calendar-cell">
                    <button
                      type="button"
                      className="calendar-day-number"
                      aria-label={`New activity on ${longDayLabel(d)}`}
                      aria-current={d === today ? 'date' : undefined}
                      onClick={() => onNew(d)}
                    >
                      {Number(d.slice(8))}
                    </button>
                    {items.slice(0, SHOWN).map((a) => (
                      <ActivityChip key={a.id} activity={a} timeZone={timeZone} onOpen={onOpen} />
                    ))}
                    {items.length > SHOWN ? (
                      <button type="button" className="calendar-more" onClick={() => onShowDay(d)}>
                        {items.length - SHOWN} more
                      </button>
                    ) : null}
                  </div>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
