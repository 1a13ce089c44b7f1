/**
 * Renewal dates of a policy, as plain date arithmetic on calendar dates (YYYY-MM-DD, no time
 * zone). A policy renews either on the anniversary of its effective date every term (monthly,
 * quarterly, semiannual, annual — e.g. Medicare Supplement, term life) or every January 1 (the
 * plan year of Medicare Advantage, Part D and ACA plans).
 */
export const RENEWAL_CYCLES = ['monthly', 'quarterly', 'semiannual', 'annual', 'calendar_year'] as const;
export type RenewalCycle = (typeof RENEWAL_CYCLES)[number];

const TERM_MONTHS: Record<Exclude<RenewalCycle, 'calendar_year'>, number> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
};

type Ymd = { y: number; m: number; d: number };
const parse = (s: string): Ymd => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const format = ({ y, m, d }: Ymd) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `date` plus `months`, clamped to the last day of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = (s: string) => {
    const { y, m, d } = parse(s);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/**
 * The policy's next renewal on or after `asOf`: always after the effective date (a policy does
 * not renew the day it starts). Anniversaries are counted from the effective date each time, so a
 * policy effective on the 31st renews on the 31st again after a short month. Null without an
 * effective date or a cycle.
 */
export function nextRenewalDate(
  effectiveDate: string | null,
  cycle: RenewalCycle | null,
  asOf: string,
): string | null {
  if (!effectiveDate || !cycle) return null;
  if (cycle === 'calendar_year') {
    const eff = parse(effectiveDate);
    const first = eff.y + 1;
    const today = parse(asOf);
    const year = today.m === 1 && today.d === 1 ? today.y : today.y + 1;
    return format({ y: Math.max(first, year), m: 1, d: 1 });
  }
  const term = TERM_MONTHS[cycle];
  const { y: ey, m: em } = parse(effectiveDate);
  const { y: ty, m: tm } = parse(asOf);
  // Start near `asOf` rather than stepping from the effective date one term at a time.
  let k = Math.max(1, Math.floor((ty * 12 + tm - (ey * 12 + em)) / term) - 1);
  let date = addMonths(effectiveDate, k * term);
  while (date < asOf) date = addMonths(effectiveDate, ++k * term);
  return date;
}

/**
 * Which policy year `asOf` falls in: 1 for the first year, 2 for the first renewal year, and so
 * on; 0 before the effective date; null without one. Commissions follow it (first-year vs
 * renewal). Policy years run anniversary to anniversary, except for calendar-year plans, whose
 * first year ends at the first January 1 after the effective date.
 */
export function policyYear(
  effectiveDate: string | null,
  cycle: RenewalCycle | null,
  asOf: string,
): number | null {
  if (!effectiveDate) return null;
  if (asOf < effectiveDate) return 0;
  if (cycle === 'calendar_year') {
    return parse(asOf).y - parse(effectiveDate).y + 1;
  }
  let years = parse(asOf).y - parse(effectiveDate).y;
  if (addMonths(effectiveDate, years * 12) > asOf) years--;
  return years + 1;
}
