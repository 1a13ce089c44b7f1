import type { FieldProblem } from '../../lib/errors.ts';

/**
 * Expected commission, in exact decimal arithmetic (cents and thousandths of a percent as
 * integers, never floating point). The premium on a policy is monthly, so the annual premium is
 * twelve times it; a percentage commission is that share of the annual premium, rounded half up
 * to the cent.
 */
type Basis = 'percent' | 'flat';
type Kind = 'first_year' | 'renewal';

const cents = (amount: string): bigint => {
  const [whole, frac = ''] = amount.split('.');
  return BigInt(whole!) * 100n + BigInt((frac + '00').slice(0, 2));
};
const thousandths = (percent: string): bigint => {
  const [whole, frac = ''] = percent.split('.');
  return BigInt(whole!) * 1000n + BigInt((frac + '000').slice(0, 3));
};
const money = (c: bigint): string => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

/** 12 × the monthly premium; null when there is none. */
export function annualPremium(monthlyPremium: string | null): string | null {
  return monthlyPremium === null ? null : money(cents(monthlyPremium) * 12n);
}

/** One commission's expected yearly amount; null for a percentage when the premium is unknown. */
export function expectedAnnual(
  c: { basis: Basis; ratePercent: string | null; amount: string | null },
  monthlyPremium: string | null,
): string | null {
  if (c.basis === 'flat') return c.amount === null ? null : money(cents(c.amount));
  if (c.ratePercent === null || monthlyPremium === null) return null;
  // cents × (percent × 1000) / 100,000, rounded half up.
  return money((cents(monthlyPremium) * 12n * thousandths(c.ratePercent) + 50_000n) / 100_000n);
}

export type CommissionTotals = {
  /** Sum of the first-year commissions; null when there are none or one cannot be computed. */
  firstYear: string | null;
  /** Sum of the renewal commissions, per renewal year; same rule. */
  renewal: string | null;
  /** What the policy earns in its current year (first-year or renewal); null before it starts. */
  thisYear: string | null;
  /** A percentage commission could not be computed because the policy has no premium. */
  needsPremium: boolean;
};

/** Totals by kind, and which applies in policy year `year` (1 = first year; 0 = not started). */
export function commissionTotals(
  entries: { kind: Kind; expected: string | null }[],
  year: number | null,
): CommissionTotals {
  const sum = (kind: Kind) => {
    const of = entries.filter((e) => e.kind === kind);
    if (of.length === 0 || of.some((e) => e.expected === null)) return null;
    return money(of.reduce((acc, e) => acc + cents(e.expected!), 0n));
  };
  const firstYear = sum('first_year');
  const renewal = sum('renewal');
  return {
    firstYear,
    renewal,
    thisYear: year === null || year === 0 ? null : year === 1 ? firstYear : renewal,
    needsPremium: entries.some((e) => e.expected === null),
  };
}

/** A percentage needs a rate and no amount; a flat commission an amount and no rate. */
export function basisProblems(v: {
  basis?: unknown;
  ratePercent?: unknown;
  amount?: unknown;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (v.basis === 'percent') {
    if (v.ratePercent == null)
      problems.push({ path: 'ratePercent', message: 'Required for a percentage of premium.' });
    if (v.amount != null)
      problems.push({ path: 'amount', message: 'Leave empty: a percentage commission is computed.' });
  } else if (v.basis === 'flat') {
    if (v.amount == null) problems.push({ path: 'amount', message: 'Required for a flat commission.' });
    if (v.ratePercent != null)
      problems.push({ path: 'ratePercent', message: 'Leave empty for a flat commission.' });
  }
  return problems;
}
