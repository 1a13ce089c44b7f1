import { useEffect, useRef } from 'react';
import type { Activity } from '../../../lib/queries/activities';
import { ActivityChip } from './activity-chip';
import { dayLabel, hourLabel, longDayLabel } from './calendar-model';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Day and week views: a row per hour, a column per day; each hour cell adds an activity at that time. */
export function TimeGrid({
  days,
  today,
  byHour,
  timeZone,
  onOpen,
  onNew,
}: {
  days: string[];
  today: string;
  byHour: Map<string, Activity[]>;
  timeZone: string;
  onOpen: (a: Activity) => void;
  onNew: (day: string, hour: number) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Open on the working day: 7 AM at the top.
    const row = scroller.current?.querySelector<HTMLElement>('[data-hour="7"]');
    if (scroller.current && row) scroller.current.scrollTop = row.offsetTop - 40;
  }, [days.length]);
  return (
    <div className="calendar-scroll" ref={scroller} tabIndex={0} aria-label="Hours">
      <table
        className="calendar-table calendar-time"
        aria-label={days.length === 1 ? longDayLabel(days[0]!) : 'Week'}
      >
        <thead>
          <tr>
            <th scope="col" className="calendar-hour-col">
              <span className="visually-hidden">Hour</span>
            </th>
            {days.map((d) => (
              <th
                scope="col"
                key={d}
                aria-current={d === today ? 'date' : undefined}
                data-today={d === today || undefined}
              >
                {dayLabel(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HOURS.map((h) => (
            <tr key={h} data-hour={h}>
              <th scope="row" className="calendar-hour-col">
                {hourLabel(h)}
              </th>
              {days.map((d) => (
                <td key={d} data-today={d === today || undefined}>
                  <div className="calendar-cell">
                    {(byHour.get(`${d} ${h}`) ?? []).map((a) => (
                      <ActivityChip key={a.id} activity={a} timeZone={timeZone} onOpen={onOpen} />
                    ))}
                    <button
                      type="button"
                      className="calendar-add"
                      aria-label={`New activity on ${longDayLabel(d)} at ${hourLabel(h)}`}
                      onClick={() => onNew(d, h)}
                    >
                      +
                    </button>
                  </div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
