import { describe, expect, it } from 'vitest';
import { dateInZone, evaluateSoaTiming, regimeOn, type SoaTimingInput } from './soa-timing.ts';

const NY = 'America/New_York';
const base = (over: Partial<SoaTimingInput>): SoaTimingInput => ({
  signedAt: new Date('2026-03-02T15:00:00Z'),
  appointmentAt: new Date('2026-03-04T15:00:00Z'),
  contactMethod: 'agent_call',
  exceptionReason: null,
  timeZone: NY,
  ...over,
});
const minus = (iso: string, minutes: number) => new Date(new Date(iso).getTime() - minutes * 60_000);

describe('the 48-hour rule (appointments before 2026-10-01)', () => {
  const appt = '2026-03-04T15:00:00Z';
  it('47:59 before asks for an exception reason; 48:00 and 48:01 are covered', () => {
    const at = (m: number) =>
      evaluateSoaTiming(base({ signedAt: minus(appt, m), appointmentAt: new Date(appt) }));
    expect(at(48 * 60 - 1)).toMatchObject({
      status: 'exception_required',
      covered: false,
      minutesBefore: 2879,
      regime: 'forty_eight_hour_rule',
      fortyEightHourCheck: 'regulation',
    });
    expect(at(48 * 60)).toMatchObject({ status: 'covered', covered: true, minutesBefore: 2880 });
    expect(at(48 * 60 + 1)).toMatchObject({ status: 'covered', covered: true, minutesBefore: 2881 });
  });

  it('is measured to the minute: seconds do not count', () => {
    // Signed 10:00:59, appointment 48 h later at 10:00:00 → the same minute pair, 48:00 → covered.
    const signed = new Date('2026-03-02T15:00:59Z');
    expect(evaluateSoaTiming(base({ signedAt: signed })).status).toBe('covered');
    // Signed 15:01:00 → 47:59.
    expect(evaluateSoaTiming(base({ signedAt: new Date('2026-03-02T15:01:00Z') })).status).toBe(
      'exception_required',
    );
  });

  it('counts elapsed hours across DST, not wall-clock hours', () => {
    // Spring forward 2026-03-08 02:00 EST → 03:00 EDT. Signed Fri 2026-03-06 10:00 EST (15:00Z);
    // the appointment at Sun 11:00 EDT (15:00Z) is 48 h later although the wall clock shows 49 h.
    expect(
      evaluateSoaTiming(
        base({ signedAt: new Date('2026-03-06T15:00:00Z'), appointmentAt: new Date('2026-03-08T15:00:00Z') }),
      ),
    ).toMatchObject({ status: 'covered', minutesBefore: 2880 });
    // ... and Sun 10:00 EDT (14:00Z), wall clock 48 h, is only 47 h: exception needed.
    expect(
      evaluateSoaTiming(
        base({ signedAt: new Date('2026-03-06T15:00:00Z'), appointmentAt: new Date('2026-03-08T14:00:00Z') }),
      ),
    ).toMatchObject({ status: 'exception_required', minutesBefore: 47 * 60 });
    // Fall back 2025-11-02: Fri 10:00 EDT (14:00Z) → Sun 09:00 EST (14:00Z) = 48 h exactly.
    expect(
      evaluateSoaTiming(
        base({ signedAt: new Date('2025-10-31T14:00:00Z'), appointmentAt: new Date('2025-11-02T14:00:00Z') }),
      ),
    ).toMatchObject({ status: 'covered', minutesBefore: 2880 });
  });

  it.each(['walk_in', 'beneficiary_call', 'enrollment_period_last_days', 'other'] as const)(
    'exception %s covers an appointment under 48 hours',
    (reason) => {
      expect(evaluateSoaTiming(base({ signedAt: minus(appt, 60), exceptionReason: reason }))).toMatchObject({
        status: 'covered_by_exception',
        covered: true,
      });
    },
  );

  it('suggests the exception that matches how the contact started', () => {
    expect(evaluateSoaTiming(base({ contactMethod: 'walk_in' })).suggestedReason).toBe('walk_in');
    expect(evaluateSoaTiming(base({ contactMethod: 'beneficiary_call' })).suggestedReason).toBe(
      'beneficiary_call',
    );
    expect(evaluateSoaTiming(base({ contactMethod: 'agent_call' })).suggestedReason).toBeNull();
  });

  it('flags an appointment without a signed SOA, or one signed after it', () => {
    expect(evaluateSoaTiming(base({ signedAt: null }))).toMatchObject({ status: 'no_soa', covered: false });
    expect(
      evaluateSoaTiming(base({ signedAt: new Date('2026-03-04T15:01:00Z'), exceptionReason: 'walk_in' })),
    ).toMatchObject({ status: 'signed_after_appointment', covered: false, minutesBefore: -1 });
  });
});

describe('the CY2027 rule (appointments from 2026-10-01)', () => {
  const appt = '2026-10-05T15:00:00Z';
  it('keeps the 48-hour check as agency policy by default', () => {
    expect(
      evaluateSoaTiming(base({ signedAt: minus(appt, 60), appointmentAt: new Date(appt) })),
    ).toMatchObject({
      regime: 'cy2027',
      fortyEightHourCheck: 'policy',
      status: 'exception_required',
    });
  });
  it('with the policy off, any signature before the appointment covers it; after it does not', () => {
    const off = (signed: Date) =>
      evaluateSoaTiming(
        base({ signedAt: signed, appointmentAt: new Date(appt), keepFortyEightHourPolicy: false }),
      );
    expect(off(minus(appt, 1))).toMatchObject({ status: 'covered', fortyEightHourCheck: 'off' });
    expect(off(minus(appt, 0))).toMatchObject({ status: 'covered', minutesBefore: 0 });
    expect(off(minus(appt, -1))).toMatchObject({ status: 'signed_after_appointment', covered: false });
    expect(evaluateSoaTiming(base({ signedAt: null, appointmentAt: new Date(appt) })).status).toBe('no_soa');
  });
});

describe('the switch date, on the appointment’s calendar', () => {
  it('is 2026-10-01 in the given zone', () => {
    // 2026-10-01T03:30Z is still 2026-09-30 in New York (EDT, UTC-4) but 2026-10-01 in UTC.
    const at = new Date('2026-10-01T03:30:00Z');
    expect(dateInZone(at, NY)).toBe('2026-09-30');
    expect(regimeOn(at, NY)).toBe('forty_eight_hour_rule');
    expect(regimeOn(at, 'UTC')).toBe('cy2027');
    expect(regimeOn(new Date('2026-10-01T04:00:00Z'), NY)).toBe('cy2027');
    expect(regimeOn(new Date('2026-10-01T03:59:00Z'), NY)).toBe('forty_eight_hour_rule');
    // Honolulu (UTC-10): 2026-10-01T09:59Z is still Sept 30.
    expect(regimeOn(new Date('2026-10-01T09:59:00Z'), 'Pacific/Honolulu')).toBe('forty_eight_hour_rule');
    expect(regimeOn(new Date('2026-10-01T10:00:00Z'), 'Pacific/Honolulu')).toBe('cy2027');
  });
  it('with the policy off, the same 1-hour gap needs a reason the day before the switch and not on it', () => {
    const run = (appt: string) =>
      evaluateSoaTiming({
        signedAt: minus(appt, 60),
        appointmentAt: new Date(appt),
        contactMethod: null,
        exceptionReason: null,
        timeZone: NY,
        keepFortyEightHourPolicy: false,
      }).status;
    expect(run('2026-10-01T03:59:00Z')).toBe('exception_required');
    expect(run('2026-10-01T04:00:00Z')).toBe('covered');
  });
});
