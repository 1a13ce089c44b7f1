import type { RenewalCycle } from '../../lib/queries/commissions';

/** How a policy renews, for people (see the server's renewal.ts). */
export const RENEWAL_CYCLE_LABELS: Record<RenewalCycle, string> = {
  monthly: 'Every month',
  quarterly: 'Every 3 months',
  semiannual: 'Every 6 months',
  annual: 'Every year, on the anniversary',
  calendar_year: 'Every January 1 (plan year)',
};
/** The select's value for a policy whose renewal is not tracked. */
export const NOT_SET = 'none';
export const RENEWAL_OPTIONS = [
  { value: NOT_SET, label: 'Not tracked' },
  ...(Object.keys(RENEWAL_CYCLE_LABELS) as RenewalCycle[]).map((value) => ({
    value,
    label: RENEWAL_CYCLE_LABELS[value],
  })),
];
