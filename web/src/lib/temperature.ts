import type { components } from '../api/schema';

export type TemperaturePeriods = components['schemas']['TemperaturePeriods'];
export type Period = TemperaturePeriods['hot'];
type Temperature = 'hot' | 'warm' | 'cool' | 'cold';

/** `date` plus a period in UTC calendar terms, as the server counts (months clamp to the month's end). */
function addPeriod(date: Date, p: Period): Date {
  const d = new Date(date.getTime());
  if (p.unit === 'days') d.setUTCDate(d.getUTCDate() + p.amount);
  else if (p.unit === 'weeks') d.setUTCDate(d.getUTCDate() + 7 * p.amount);
  else {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + p.amount);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  return d;
}

/**
 * A record's temperature by its age, as the server computes it for lists (hot, then warm, then
 * cool, then cold, each period following the one before); a manual one overrides it.
 */
export function temperatureOf(
  createdAt: string,
  periods: TemperaturePeriods,
  manual: Temperature | null,
  now = new Date(),
): Temperature {
  if (manual) return manual;
  const hotEnds = addPeriod(new Date(createdAt), periods.hot);
  if (now < hotEnds) return 'hot';
  const warmEnds = addPeriod(hotEnds, periods.warm);
  if (now < warmEnds) return 'warm';
  return now < addPeriod(warmEnds, periods.cool) ? 'cool' : 'cold';
}
