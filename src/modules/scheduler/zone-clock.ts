import { IANAZone } from 'luxon';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A calendar date: its ISO text, weekday (1 = Monday … 7 = Sunday) and wall-clock midnight as UTC ms. */
export type LocalDate = { iso: string; weekday: number; wallMidnight: number };

export const localDateOfWall = (wallMidnight: number): LocalDate => {
  const d = new Date(wallMidnight);
  return { iso: d.toISOString().slice(0, 10), weekday: ((d.getUTCDay() + 6) % 7) + 1, wallMidnight };
};

/**
 * A time zone's UTC offsets over a window of instants, read once from the zone database (through
 * luxon, one lookup per day plus a binary search at each transition) and then answered by array
 * lookups: converting thousands of wall-clock times costs microseconds, not one Intl call each.
 * Assumes at most one offset transition per day, as every zone has.
 */
export class ZoneClock {
  /** Segments [at, next.at) with a constant offset in minutes, sorted. */
  private readonly at: number[] = [];
  private readonly offset: number[] = [];

  constructor(
    readonly zone: string,
    from: number,
    to: number,
  ) {
    const z = IANAZone.create(zone);
    if (!z.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
    let t = Math.floor(from / DAY) * DAY - 2 * DAY;
    const end = to + 2 * DAY;
    let o = z.offset(t);
    this.at.push(-Infinity);
    this.offset.push(o);
    for (t += DAY; t <= end; t += DAY) {
      const next = z.offset(t);
      if (next === o) continue;
      // The first minute with the new offset, between t - DAY and t.
      let lo = t - DAY;
      let hi = t;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (z.offset(mid) === o) lo = mid;
        else hi = mid;
      }
      this.at.push(hi);
      this.offset.push(next);
      o = next;
    }
  }

  /** The offset (minutes east of UTC) at an instant. */
  offsetAt(ts: number): number {
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid]! <= ts) lo = mid;
      else hi = mid - 1;
    }
    return this.offset[lo]!;
  }

  /**
   * The instant of a wall-clock time (as UTC ms of the same wall reading). An ambiguous time (the
   * hour repeated when clocks go back) is its first occurrence; a time in the gap when clocks go
   * forward moves forward by the gap — as luxon and Temporal's default do.
   */
  toInstant(wall: number): number {
    const a = this.offsetAt(wall - 14 * 3_600_000);
    const b = this.offsetAt(wall + 14 * 3_600_000);
    const ta = wall - a * MINUTE;
    if (a === b) return ta;
    const tb = wall - b * MINUTE;
    const va = this.offsetAt(ta) === a;
    const vb = this.offsetAt(tb) === b;
    if (va && vb) return Math.min(ta, tb);
    if (vb && !va) return tb;
    return ta;
  }

  /** The wall-clock reading of an instant, as UTC ms. */
  toWall(ts: number): number {
    return ts + this.offsetAt(ts) * MINUTE;
  }

  /** The local date of an instant. */
  dateOf(ts: number): LocalDate {
    const wall = this.toWall(ts);
    return localDateOfWall(Math.floor(wall / DAY) * DAY);
  }

  /** The instant a local date starts (its midnight, or the first instant after a gap at midnight). */
  startOf(date: LocalDate): number {
    return this.toInstant(date.wallMidnight);
  }

  /** ISO 8601 with this zone's offset: `2026-03-10T00:30:00+05:30`. */
  iso(ts: number): string {
    const off = this.offsetAt(ts);
    const wall = new Date(ts + off * MINUTE).toISOString().slice(0, 19);
    if (off === 0 && (this.zone === 'UTC' || this.zone === 'Etc/UTC')) return `${wall}Z`;
    const abs = Math.abs(off);
    return `${wall}${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
}

/** The local dates (in the clock's zone) that the instants [from, to) touch. */
export function datesCovering(clock: ZoneClock, from: number, to: number): LocalDate[] {
  const out: LocalDate[] = [];
  const first = clock.dateOf(from).wallMidnight;
  const last = clock.dateOf(Math.max(from, to - 1)).wallMidnight;
  for (let w = first; w <= last; w += DAY) out.push(localDateOfWall(w));
  return out;
}
