import { describe, expect, it } from 'vitest';
import { addPeriod, DEFAULT_TEMPERATURE_PERIODS, recordTemperature, temperatureOf } from './temperature.ts';

const P = DEFAULT_TEMPERATURE_PERIODS; // hot 7 days, warm 30 days, cool 3 months
const created = new Date('2026-01-31T15:00:00Z');
const ms = (d: Date, n: number) => new Date(d.getTime() + n);

describe('lead temperature', () => {
  it('is hot until exactly 7 days, then warm', () => {
    const hotEnds = new Date('2026-02-07T15:00:00Z');
    expect(temperatureOf(created, ms(hotEnds, -1), P)).toBe('hot');
    expect(temperatureOf(created, hotEnds, P)).toBe('warm');
  });

  it('is warm for the next 30 days, cool for 3 months, then cold', () => {
    const warmEnds = new Date('2026-03-09T15:00:00Z');
    expect(temperatureOf(created, ms(warmEnds, -1), P)).toBe('warm');
    expect(temperatureOf(created, warmEnds, P)).toBe('cool');
    const coolEnds = new Date('2026-06-09T15:00:00Z');
    expect(temperatureOf(created, ms(coolEnds, -1), P)).toBe('cool');
    expect(temperatureOf(created, coolEnds, P)).toBe('cold');
  });

  it('a manual temperature overrides the age', () => {
    expect(temperatureOf(created, new Date('2030-01-01T00:00:00Z'), P, 'hot')).toBe('hot');
  });

  it('months clamp to the end of a shorter month, weeks are 7 days', () => {
    expect(addPeriod(new Date('2026-01-31T00:00:00Z'), { amount: 1, unit: 'months' }).toISOString()).toBe(
      '2026-02-28T00:00:00.000Z',
    );
    expect(addPeriod(new Date('2024-01-31T00:00:00Z'), { amount: 1, unit: 'months' }).toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
    expect(addPeriod(new Date('2026-03-01T00:00:00Z'), { amount: 2, unit: 'weeks' }).toISOString()).toBe(
      '2026-03-15T00:00:00.000Z',
    );
  });
});

describe('a record’s temperature', () => {
  it('is none once the status is closed, whatever its age or manual temperature', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    expect(recordTemperature({ createdAt: created, closed: true }, now, P)).toBeNull();
    expect(
      recordTemperature({ createdAt: created, manualTemperature: 'hot', closed: true }, now, P),
    ).toBeNull();
    expect(recordTemperature({ createdAt: created, closed: false }, now, P)).toBe('hot');
    expect(recordTemperature({ createdAt: created, manualTemperature: 'cold', closed: false }, now, P)).toBe(
      'cold',
    );
  });
});
