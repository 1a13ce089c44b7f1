/**
 * State telephone-solicitation hours, stricter than the federal 8:00–21:00 of 47 CFR 64.1200(c)(1),
 * as data with their sources (spec MESSAGING-AND-COMPLIANCE.md §2.3; secondary tables:
 * dropcowboy.com/state-compliance 2025-11-01 = "dropcowboy", blog.clickpointsoftware.com 2025-07 =
 * "clickpoint"). Hours are recipient-local, end-exclusive. Where sources disagree, the stricter
 * reading is taken (Connecticut 9–20; Pennsylvania's Saturday and holidays; Mississippi's holidays).
 *
 * Gaps (not found or unverified; federal hours apply): Texas, Utah's hours, Wisconsin, Illinois
 * (8–21 or 9–21 — prerecorded calls only?), California (9–21 for autodialer announcements only).
 * Pennsylvania's Saturday 8–12 comes from one truncated table (dropcowboy's own PA page says federal
 * hours only); Rhode Island's Saturday end (17:00) is not in the spec's truncated row and comes from
 * R.I. Gen. Laws § 5-61-3.5 as commonly summarised. Verify both with counsel.
 */
import { isUsHoliday } from './us-holidays.ts';

/** Minutes from local midnight, [start, end). */
export type DayWindow = { start: number; end: number };
/** A day's hours, or `null`: no texting that day. */
export type DayRule = DayWindow | null;

export type StateRule = {
  weekdays: DayRule;
  saturday: DayRule;
  sunday: DayRule;
  /** Federal holidays (see us-holidays.ts); absent = the weekday's rule. */
  holidays?: DayRule;
  citation: string;
  sources: string;
};

const h = (start: number, end: number): DayWindow => ({ start: start * 60, end: end * 60 });
const every = (w: DayRule) => ({ weekdays: w, saturday: w, sunday: w });

export const STATE_RULES: Readonly<Record<string, StateRule>> = {
  AL: {
    ...every(h(8, 20)),
    sunday: null,
    holidays: null,
    citation: 'Ala. Admin. Code r. 770-X-5-.17',
    sources: 'dropcowboy, clickpoint',
  },
  CT: {
    ...every(h(9, 20)),
    citation: 'Conn. Gen. Stat. § 42-288a',
    sources: 'dropcowboy 9–20; clickpoint 9–21',
  },
  FL: {
    ...every(h(8, 20)),
    citation: 'Fla. Stat. § 501.616(6)(a) (FTSA)',
    sources: 'dropcowboy, clickpoint',
  },
  KY: { ...every(h(10, 21)), citation: 'KRS 367.46955(3)', sources: 'dropcowboy, clickpoint' },
  LA: {
    ...every(h(8, 20)),
    sunday: null,
    holidays: null,
    citation: 'La. R.S. 45:844.31 et seq.',
    sources: 'dropcowboy, clickpoint',
  },
  MA: { ...every(h(8, 20)), citation: 'Mass. Gen. Laws ch. 159C § 3', sources: 'dropcowboy, clickpoint' },
  MD: { ...every(h(8, 20)), citation: 'Md. Code Com. Law § 14-3201 et seq.', sources: 'dropcowboy' },
  MI: { ...every(h(9, 21)), citation: 'MCL 750.540e (as cited by usestello.com)', sources: 'dropcowboy' },
  MN: {
    ...every(h(9, 21)),
    citation: 'Minn. Stat. § 325E.30 (as cited by usestello.com)',
    sources: 'dropcowboy',
  },
  MS: {
    ...every(h(8, 20)),
    sunday: null,
    holidays: null,
    citation: 'Miss. Code § 77-3-725 (unverified)',
    sources: 'dropcowboy (holidays 8–20); dnc.com holiday list (holidays banned)',
  },
  NM: { ...every(h(9, 21)), citation: 'N.M. Stat. § 57-12-22 (unverified)', sources: 'dropcowboy' },
  NV: { ...every(h(9, 20)), citation: 'NRS 228.590 (unverified)', sources: 'dropcowboy' },
  OK: { ...every(h(8, 20)), citation: '15 O.S. § 775C.4', sources: 'dropcowboy, clickpoint' },
  PA: {
    ...every(h(8, 21)),
    saturday: h(8, 12),
    holidays: null,
    citation: '73 P.S. § 2245.2 (unverified)',
    sources: 'dropcowboy (truncated; Sat 8–12, holidays none); dnc.com holiday list',
  },
  RI: {
    weekdays: h(9, 18),
    saturday: h(10, 17),
    sunday: null,
    holidays: null,
    citation: 'R.I. Gen. Laws § 5-61-3.5 (unverified)',
    sources: 'dropcowboy (truncated); dnc.com holiday list',
  },
  UT: {
    ...every(h(8, 21)),
    holidays: null,
    citation: 'Utah Code § 13-25a-103 (unverified)',
    sources: 'dnc.com holiday list',
  },
  WA: { ...every(h(8, 20)), citation: 'RCW 19.158.040(2)', sources: 'app.leg.wa.gov; cliclaw.com' },
};

/** The rule of one state on one date. */
const ruleOn = (rule: StateRule, date: string, weekday: number): DayRule => {
  if (rule.holidays !== undefined && isUsHoliday(date)) return rule.holidays;
  return weekday === 0 ? rule.sunday : weekday === 6 ? rule.saturday : rule.weekdays;
};

const intersect = (a: DayRule, b: DayRule): DayRule => {
  if (!a || !b) return null;
  const w = { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
  return w.start < w.end ? w : null;
};

const ALL_DAY: DayWindow = { start: 0, end: 24 * 60 };

/**
 * The state hours for a recipient-local date (YYYY-MM-DD, weekday 0 = Sunday … 6 = Saturday).
 * A state with no rule: all day (federal hours apply separately). Unknown state (`undefined`): the
 * intersection of every state's rule — the strictest, legal-safe reading.
 */
export function stateHours(state: string | undefined, date: string, weekday: number): DayRule {
  if (state === undefined) {
    return Object.values(STATE_RULES).reduce<DayRule>(
      (acc, r) => intersect(acc, ruleOn(r, date, weekday)),
      ALL_DAY,
    );
  }
  const rule = STATE_RULES[state.toUpperCase()];
  return rule ? ruleOn(rule, date, weekday) : ALL_DAY;
}

export const citationOf = (state: string | undefined): string =>
  state === undefined
    ? 'strictest state rule (state unknown)'
    : (STATE_RULES[state.toUpperCase()]?.citation ?? '');
