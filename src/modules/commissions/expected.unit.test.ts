import { describe, expect, it } from 'vitest';
import { annualPremium, basisProblems, commissionTotals, expectedAnnual } from './expected.ts';

describe('expected commission', () => {
  it('a percentage is of the annual premium (12 × monthly), rounded half up to the cent', () => {
    expect(annualPremium('129.50')).toBe('1554.00');
    expect(expectedAnnual({ basis: 'percent', ratePercent: '20.000', amount: null }, '129.50')).toBe(
      '310.80',
    );
    // 12 × 33.33 = 399.96; 12.5% = 49.995 → 50.00 (half up), 12.499% = 49.991 → 49.99
    expect(expectedAnnual({ basis: 'percent', ratePercent: '12.5', amount: null }, '33.33')).toBe('50.00');
    expect(expectedAnnual({ basis: 'percent', ratePercent: '12.499', amount: null }, '33.33')).toBe('49.99');
    expect(expectedAnnual({ basis: 'percent', ratePercent: '200', amount: null }, '0.01')).toBe('0.24');
    expect(expectedAnnual({ basis: 'percent', ratePercent: '110', amount: null }, '9999999999.99')).toBe(
      '131999999999.87',
    );
  });

  it('a flat amount is itself; a percentage without a premium is unknown', () => {
    expect(expectedAnnual({ basis: 'flat', ratePercent: null, amount: '611.00' }, null)).toBe('611.00');
    expect(expectedAnnual({ basis: 'percent', ratePercent: '20.000', amount: null }, null)).toBeNull();
    expect(annualPremium(null)).toBeNull();
  });

  it('totals by kind; the current year takes first-year, then renewal; nothing before it starts', () => {
    const entries = [
      { kind: 'first_year' as const, expected: '611.00' },
      { kind: 'first_year' as const, expected: '50.50' },
      { kind: 'renewal' as const, expected: '306.00' },
    ];
    expect(commissionTotals(entries, 1)).toEqual({
      firstYear: '661.50',
      renewal: '306.00',
      thisYear: '661.50',
      needsPremium: false,
    });
    expect(commissionTotals(entries, 2).thisYear).toBe('306.00');
    expect(commissionTotals(entries, 0).thisYear).toBeNull();
    expect(commissionTotals(entries, null).thisYear).toBeNull();
    expect(commissionTotals([{ kind: 'renewal', expected: null }], 3)).toEqual({
      firstYear: null,
      renewal: null,
      thisYear: null,
      needsPremium: true,
    });
  });

  it('basis rule: a rate for a percentage, an amount for a flat commission, never both', () => {
    expect(basisProblems({ basis: 'percent', ratePercent: '20' })).toEqual([]);
    expect(basisProblems({ basis: 'flat', amount: '1' })).toEqual([]);
    expect(basisProblems({ basis: 'percent', amount: '1' }).map((p) => p.path)).toEqual([
      'ratePercent',
      'amount',
    ]);
    expect(basisProblems({ basis: 'flat', ratePercent: '5' }).map((p) => p.path)).toEqual([
      'amount',
      'ratePercent',
    ]);
    expect(basisProblems({ basis: 'other' })).toEqual([]);
  });
});
