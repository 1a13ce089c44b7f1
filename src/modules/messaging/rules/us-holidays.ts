/**
 * US federal holidays (5 U.S.C. 6103(a)) with their observed days: a holiday on a Saturday is
 * observed the Friday before, on a Sunday the Monday after (Executive Order 11582; Alabama's own
 * rule, Ala. Code § 1-3-8(a), is the same). States that ban telephone solicitation on "holidays"
 * (AL, LA, MS, PA, RI, UT in the spec's table) each have their own lists; this federal list stands in
 * for them — state-only holidays (e.g. Mardi Gras, Confederate Memorial Day) are a known gap.
 * Both the actual date and the observed date count as a holiday (the stricter reading).
 */
const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The nth (1-based; -1 = last) given weekday (0 = Sunday) of a month. */
const nthWeekday = (y: number, m: number, weekday: number, n: number): string => {
  if (n > 0) {
    const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
    return iso(y, m, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(y, m, 0));
  return iso(y, m, lastDay.getUTCDate() - ((lastDay.getUTCDay() - weekday + 7) % 7));
};

const observed = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  const shift = d.getUTCDay() === 6 ? -1 : d.getUTCDay() === 0 ? 1 : 0;
  return new Date(d.getTime() + shift * 86_400_000).toISOString().slice(0, 10);
};

export type Holiday = { name: string; date: string; observed: string };

export function usFederalHolidays(year: number): Holiday[] {
  const fixed = (name: string, m: number, d: number) => {
    const date = iso(year, m, d);
    return { name, date, observed: observed(date) };
  };
  const floating = (name: string, m: number, weekday: number, n: number) => {
    const date = nthWeekday(year, m, weekday, n);
    return { name, date, observed: date };
  };
  return [
    fixed("New Year's Day", 1, 1),
    floating('Birthday of Martin Luther King, Jr.', 1, 1, 3),
    floating("Washington's Birthday", 2, 1, 3),
    floating('Memorial Day', 5, 1, -1),
    ...(year >= 2021 ? [fixed('Juneteenth National Independence Day', 6, 19)] : []),
    fixed('Independence Day', 7, 4),
    floating('Labor Day', 9, 1, 1),
    floating('Columbus Day', 10, 1, 2),
    fixed('Veterans Day', 11, 11),
    floating('Thanksgiving Day', 11, 4, 4),
    fixed('Christmas Day', 12, 25),
  ];
}

const cache = new Map<number, Set<string>>();

/** Whether a calendar date (YYYY-MM-DD) is a federal holiday or the day one is observed. */
export function isUsHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let days = cache.get(year);
  if (!days) {
    days = new Set();
    // New Year's Day of the next year can be observed on 31 December.
    for (const h of [...usFederalHolidays(year), ...usFederalHolidays(year + 1)])
      days.add(h.date).add(h.observed);
    cache.set(year, days);
  }
  return days.has(date);
}
