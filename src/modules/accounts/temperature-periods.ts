// An account setting: how long a Sales Record stays hot, warm and cool. The sales-records module
// computes temperatures from it; the account owns the periods.

export type Period = { amount: number; unit: 'days' | 'weeks' | 'months' };
/** How long a record stays hot, then warm, then cool; after that it is cold. */
export type TemperaturePeriods = { hot: Period; warm: Period; cool: Period };

export const DEFAULT_TEMPERATURE_PERIODS: TemperaturePeriods = {
  hot: { amount: 7, unit: 'days' },
  warm: { amount: 30, unit: 'days' },
  cool: { amount: 3, unit: 'months' },
};
