import type { ContactMethod, ExceptionReason } from './schema.ts';

/**
 * The SOA timing rule, dated (PRODUCT.md "Scope of Appointment", MESSAGING-AND-COMPLIANCE.md §2.1).
 *
 * - Appointments before the CY2027 marketing date (2026-10-01, on the appointment's own calendar
 *   in `timeZone`) fall under 42 CFR 422.2264(c)(3) as of CY2024–CY2026: the SOA must be signed
 *   at least 48 hours before the appointment, measured to the minute, unless an exception applies
 *   (walk-in, beneficiary-initiated call, last four days of an enrollment period, other).
 * - From that date the regulation only needs the SOA agreed and recorded before the appointment;
 *   the agency may keep the 48-hour check as its own policy (the default, the seed's behaviour).
 * - No signed SOA, or one signed after the appointment, is flagged in both regimes.
 *
 * Pure: no clock, no database. Times are instants; "to the minute" drops seconds from both.
 */
export const CY2027_MARKETING_DATE = '2026-10-01';
export const FORTY_EIGHT_HOURS_IN_MINUTES = 48 * 60;

export type SoaRegime = 'forty_eight_hour_rule' | 'cy2027';

export type SoaTimingInput = {
  /** When the SOA was signed (null: none signed). */
  signedAt: Date | null;
  appointmentAt: Date;
  /** How the contact started: a walk-in or a beneficiary's call suggests the matching exception. */
  contactMethod: ContactMethod | null;
  /** The exception reason the agent recorded, if any. */
  exceptionReason: ExceptionReason | null;
  /** The zone whose calendar date decides the regime (the agency's or the user's). */
  timeZone: string;
  /** After the CY2027 date, keep the 48-hour check as agency policy (default true). */
  keepFortyEightHourPolicy?: boolean;
};

export type SoaTimingOutcome = {
  regime: SoaRegime;
  /** Whether the 48-hour check applies (by regulation before the switch, by policy after). */
  fortyEightHourCheck: 'regulation' | 'policy' | 'off';
  /** Whole minutes from signature to appointment (negative: signed after); null without a signature. */
  minutesBefore: number | null;
  status:
    | 'covered' // signed in time
    | 'covered_by_exception' // under 48 h with a recorded exception reason
    | 'exception_required' // under 48 h, no reason yet: the UI asks for one
    | 'signed_after_appointment' // flagged
    | 'no_soa'; // flagged
  covered: boolean;
  /** The exception the contact method points to (walk-in, beneficiary call), for the UI to preselect. */
  suggestedReason: ExceptionReason | null;
};

/** The calendar date (YYYY-MM-DD) of `at` in `timeZone`. */
export function dateInZone(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function regimeOn(appointmentAt: Date, timeZone: string): SoaRegime {
  return dateInZone(appointmentAt, timeZone) < CY2027_MARKETING_DATE ? 'forty_eight_hour_rule' : 'cy2027';
}

const toMinute = (d: Date) => Math.floor(d.getTime() / 60_000);

export function suggestedExceptionFor(method: ContactMethod | null): ExceptionReason | null {
  if (method === 'walk_in') return 'walk_in';
  if (method === 'beneficiary_call') return 'beneficiary_call';
  return null;
}

export function evaluateSoaTiming(input: SoaTimingInput): SoaTimingOutcome {
  const regime = regimeOn(input.appointmentAt, input.timeZone);
  const fortyEightHourCheck =
    regime === 'forty_eight_hour_rule'
      ? 'regulation'
      : (input.keepFortyEightHourPolicy ?? true)
        ? 'policy'
        : 'off';
  const suggestedReason = suggestedExceptionFor(input.contactMethod);
  const base = { regime, fortyEightHourCheck, suggestedReason } as const;
  if (!input.signedAt) return { ...base, minutesBefore: null, status: 'no_soa', covered: false };
  const minutesBefore = toMinute(input.appointmentAt) - toMinute(input.signedAt);
  // Recorded before the appointment is needed in both regimes (the same minute counts as before).
  if (minutesBefore < 0)
    return { ...base, minutesBefore, status: 'signed_after_appointment', covered: false };
  if (fortyEightHourCheck === 'off' || minutesBefore >= FORTY_EIGHT_HOURS_IN_MINUTES)
    return { ...base, minutesBefore, status: 'covered', covered: true };
  if (input.exceptionReason) return { ...base, minutesBefore, status: 'covered_by_exception', covered: true };
  return { ...base, minutesBefore, status: 'exception_required', covered: false };
}
