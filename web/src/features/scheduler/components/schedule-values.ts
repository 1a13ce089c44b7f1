import type { ScheduleInput } from '../api/create-schedule';
import type { Schedule } from '../api/list-schedules';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};
export const QUESTION_TYPES = [
  { value: 'text', label: 'Short text' },
  { value: 'long_text', label: 'Long text' },
  { value: 'yes_no', label: 'Yes / no' },
  { value: 'choice', label: 'Choice' },
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number]['value'];

/** Editor rows carry a `key` that stays the same when rows move. */
export type RangeRow = { key: string; start: string; end: string };
export type OverrideRow = { key: string; date: string; ranges: RangeRow[] };
export type QuestionRow = {
  key: string;
  id?: string;
  label: string;
  type: QuestionType;
  required: boolean;
  /** One option per line (choice questions). */
  options: string;
};

export type ScheduleValues = {
  name: string;
  slug: string;
  timeZone: string;
  lengthMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
  weeklyHours: Record<Weekday, RangeRow[]>;
  overrides: OverrideRow[];
  daysOff: string[];
  /** A personal schedule's owner (chosen when creating), or "" for an account-level schedule. */
  ownerUserId: string;
  userIds: string[];
  activityTypeId: string | null;
  activityStatusId: string | null;
  phoneRequired: boolean;
  questions: QuestionRow[];
  active: boolean;
};

let seq = 0;
export const newKey = () => `k${++seq}`;
export const newRange = (start = '09:00', end = '17:00'): RangeRow => ({ key: newKey(), start, end });

/** A time input cannot show 24:00: a range ending at midnight is edited as ending at 00:00. */
const rows = (list: { start: string; end: string }[]) =>
  list.map((r) => newRange(r.start, r.end === '24:00' ? '00:00' : r.end));

export function scheduleValues(
  s: Schedule | null,
  defaults: { timeZone: string; activityTypeId: string | null; activityStatusId: string | null },
): ScheduleValues {
  if (!s) {
    const weekday = () => [newRange()];
    return {
      name: '',
      slug: '',
      timeZone: defaults.timeZone,
      lengthMinutes: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 120,
      horizonDays: 60,
      weeklyHours: {
        monday: weekday(),
        tuesday: weekday(),
        wednesday: weekday(),
        thursday: weekday(),
        friday: weekday(),
        saturday: [],
        sunday: [],
      },
      overrides: [],
      daysOff: [],
      ownerUserId: '',
      userIds: [],
      activityTypeId: defaults.activityTypeId,
      activityStatusId: defaults.activityStatusId,
      phoneRequired: true,
      questions: [],
      active: true,
    };
  }
  return {
    name: s.name,
    slug: s.slug,
    timeZone: s.timeZone,
    lengthMinutes: s.lengthMinutes,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
    minimumNoticeMinutes: s.minimumNoticeMinutes,
    horizonDays: s.horizonDays,
    weeklyHours: Object.fromEntries(WEEKDAYS.map((d) => [d, rows(s.weeklyHours[d])])) as Record<
      Weekday,
      RangeRow[]
    >,
    overrides: s.dateOverrides.map((o) => ({ key: newKey(), date: o.date, ranges: rows(o.hours) })),
    daysOff: s.daysOff,
    ownerUserId: s.ownerUserId ?? '',
    userIds: s.userIds,
    activityTypeId: s.activityTypeId,
    activityStatusId: s.activityStatusId,
    phoneRequired: s.form.phoneRequired,
    questions: s.form.questions.map((q) => ({
      key: q.id,
      id: q.id,
      label: q.label,
      type: q.type,
      required: q.required,
      options: q.options.join('\n'),
    })),
    active: s.active,
  };
}

/** A readable slug from a name: "Medicare Consults!" → "medicare-consults". */
export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

const ranges = (list: RangeRow[]) =>
  list.map((r) => ({ start: r.start, end: r.end === '00:00' ? '24:00' : r.end }));

/** The form as the API takes it (create; an edit sends the same minus `ownerUserId`). */
export function scheduleInput(v: ScheduleValues): ScheduleInput {
  return {
    name: v.name.trim(),
    slug: v.slug.trim().toLowerCase(),
    timeZone: v.timeZone,
    lengthMinutes: v.lengthMinutes,
    bufferBeforeMinutes: v.bufferBeforeMinutes,
    bufferAfterMinutes: v.bufferAfterMinutes,
    minimumNoticeMinutes: v.minimumNoticeMinutes,
    horizonDays: v.horizonDays,
    weeklyHours: Object.fromEntries(
      WEEKDAYS.map((d) => [d, ranges(v.weeklyHours[d])]),
    ) as ScheduleInput['weeklyHours'],
    dateOverrides: v.overrides.map((o) => ({ date: o.date, hours: ranges(o.ranges) })),
    daysOff: v.daysOff,
    ownerUserId: v.ownerUserId || null,
    userIds: v.ownerUserId ? [v.ownerUserId] : v.userIds,
    activityTypeId: v.activityTypeId ?? '',
    activityStatusId: v.activityStatusId ?? '',
    form: {
      phoneRequired: v.phoneRequired,
      questions: v.questions.map((q) => ({
        ...(q.id ? { id: q.id } : {}),
        label: q.label.trim(),
        type: q.type,
        required: q.required,
        options:
          q.type === 'choice'
            ? q.options
                .split('\n')
                .map((o) => o.trim())
                .filter(Boolean)
            : [],
      })),
    },
    active: v.active,
  };
}

/** Checks the browser can make before sending (the server checks everything again). */
export function validateSchedule(v: ScheduleValues): Record<string, string | null> {
  const e: Record<string, string | null> = {};
  if (!v.name.trim()) e.name = 'Required.';
  if (!/^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/.test(v.slug.trim().toLowerCase()))
    e.slug = '3 to 60 lower-case letters, digits or hyphens, starting and ending with a letter or digit.';
  if (!v.ownerUserId && v.userIds.length === 0) e.userIds = 'Add at least one user.';
  if (!v.activityTypeId) e.activityTypeId = 'Required.';
  if (!v.activityStatusId) e.activityStatusId = 'Required.';
  const checkRanges = (list: RangeRow[], path: string) =>
    list.forEach((r, i) => {
      if (!r.start || !r.end) e[`${path}.${i}.end`] = 'Give both times.';
      else if (r.end !== '00:00' && r.end <= r.start) e[`${path}.${i}.end`] = 'Must be after the start.';
    });
  for (const d of WEEKDAYS) checkRanges(v.weeklyHours[d], `weeklyHours.${d}`);
  v.overrides.forEach((o, i) => {
    if (!o.date) e[`overrides.${i}.date`] = 'Required.';
    checkRanges(o.ranges, `overrides.${i}.ranges`);
  });
  v.questions.forEach((q, i) => {
    if (!q.label.trim()) e[`questions.${i}.label`] = 'Required.';
    if (q.type === 'choice' && q.options.split('\n').filter((o) => o.trim()).length < 2)
      e[`questions.${i}.options`] = 'Give at least two options, one per line.';
  });
  return e;
}
