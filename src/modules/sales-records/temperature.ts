import type { Temperature } from './schema.ts';

import { DEFAULT_TEMPERATURE_PERIODS, type Period, type TemperaturePeriods } from '../accounts/index.ts';

export { DEFAULT_TEMPERATURE_PERIODS };
export type { Period, TemperaturePeriods };

/** `date` plus a period, in UTC calendar terms (months clamp to the month's last day). */
export function addPeriod(date: Date, p: Period): Date {
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
 * Lead temperature by age since creation: hot → warm → cool → cold, each period following the
 * previous one. A manual temperature overrides the computed one. Pure.
 */
export function temperatureOf(
  createdAt: Date,
  now: Date,
  periods: TemperaturePeriods,
  manual?: Temperature | null,
): Temperature {
  if (manual) return manual;
  const hotEnds = addPeriod(createdAt, periods.hot);
  if (now < hotEnds) return 'hot';
  const warmEnds = addPeriod(hotEnds, periods.warm);
  if (now < warmEnds) return 'warm';
  const coolEnds = addPeriod(warmEnds, periods.cool);
  if (now < coolEnds) return 'cool';
  return 'cold';
}

/**
 * A record's temperature, or none (null) once its status is closed (won or lost): there is
 * nothing left to chase, so it is neither hot nor cold, whatever its age or manual setting.
 */
export function recordTemperature(
  r: { createdAt: Date; manualTemperature?: Temperature | null; closed: boolean },
  now: Date,
  periods: TemperaturePeriods,
): Temperature | null {
  return r.closed ? null : temperatureOf(r.createdAt, now, periods, r.manualTemperature);
}

/** The creation-time window of each temperature at `now`, for filtering and counting in SQL. */
export function temperatureWindows(
  now: Date,
  periods: TemperaturePeriods,
): Record<Temperature, { from?: Date; to?: Date }> {
  // created > now - hot  ⇔ hot; computed by walking back from now with the same calendar arithmetic.
  const back = (d: Date, p: Period) => addPeriod(d, { ...p, amount: -p.amount });
  const hotFrom = back(now, periods.hot);
  const warmFrom = back(hotFrom, periods.warm);
  const coolFrom = back(warmFrom, periods.cool);
  return {
    hot: { from: hotFrom },
    warm: { from: warmFrom, to: hotFrom },
    cool: { from: coolFrom, to: warmFrom },
    cold: { to: coolFrom },
  };
}
