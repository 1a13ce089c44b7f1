import { z } from 'zod';
import { TimeZone } from '../../lib/fields.ts';
import { QUESTION_TYPES } from './schema.ts';
import { rangeProblems, WEEKDAYS } from './slots.ts';

/** The fields of a schedule as the API takes them (create; a patch takes any subset). */

export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/;
export const Slug = z
  .string()
  .max(100)
  .trim()
  .toLowerCase()
  .regex(SLUG_RE, '3 to 60 lower-case letters, digits or hyphens; starts and ends with a letter or digit.');

const Hm = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:mm, 00:00 to 24:00.');
const Range = z.strictObject({
  start: Hm.refine((v) => v !== '24:00', 'A range cannot start at 24:00.'),
  end: Hm,
});
/** One day's ranges; overlaps and reversed ranges are listed with their index. */
const DayRanges = z
  .array(Range)
  .max(10)
  .superRefine((list, ctx) => {
    for (const p of rangeProblems(list, { skipMalformed: true }))
      ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });

export const WeeklyHoursSchema = z
  .strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, DayRanges])) as Record<
      (typeof WEEKDAYS)[number],
      typeof DayRanges
    >,
  )
  .describe('Ranges of wall-clock hours (HH:mm) per weekday, in the schedule’s zone');

const IsoDate = z.iso.date('A date as YYYY-MM-DD.');
export const DateOverridesSchema = z
  .array(z.strictObject({ date: IsoDate, hours: DayRanges }))
  .max(366)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((o, i) => {
      if (seen.has(o.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'Listed twice.' });
      seen.add(o.date);
    });
  });
const DaysOff = z
  .array(IsoDate)
  .max(366)
  .transform((l) => [...new Set(l)].sort());

const QuestionId = z
  .string()
  .max(40)
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Letters, digits, _ or -, at most 40.');
export const QuestionSchema = z
  .strictObject({
    /** Kept across edits so earlier answers stay attached; generated when absent. */
    id: QuestionId.optional(),
    label: z.string().trim().min(1, 'Required.').max(200),
    type: z.enum(QUESTION_TYPES),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1, 'Required.').max(100)).max(20).default([]),
  })
  .superRefine((q, ctx) => {
    if (q.type === 'choice' && q.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'A choice needs at least two options.' });
    if (q.type !== 'choice' && q.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only a choice question has options.' });
    if (new Set(q.options.map((o) => o.toLowerCase())).size !== q.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Options must differ.' });
  });
export const FormSchema = z
  .strictObject({
    phoneRequired: z.boolean().default(true),
    questions: z
      .array(QuestionSchema)
      .max(10)
      .default([])
      .superRefine((qs, ctx) => {
        const ids = new Set<string>();
        qs.forEach((q, i) => {
          if (q.id && ids.has(q.id))
            ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'Used twice.' });
          if (q.id) ids.add(q.id);
        });
      }),
  })
  .describe('The booking form: the fixed fields (first and last name, email, phone) plus extra questions');

const Minutes = (max: number) => z.number().int('Whole minutes.').min(0).max(max);

const fields = {
  name: z.string().trim().min(1, 'Required.').max(100),
  slug: Slug,
  timeZone: TimeZone,
  lengthMinutes: z.number().int('Whole minutes.').min(5).max(480),
  weeklyHours: WeeklyHoursSchema,
  dateOverrides: DateOverridesSchema,
  daysOff: DaysOff,
  bufferBeforeMinutes: Minutes(240),
  bufferAfterMinutes: Minutes(240),
  minimumNoticeMinutes: Minutes(60 * 24 * 30),
  horizonDays: z.number().int().min(1).max(365),
  userIds: z
    .array(z.uuid())
    .min(1, 'At least one user.')
    .max(50)
    .refine((l) => new Set(l).size === l.length, 'A user is listed twice.'),
  activityTypeId: z.uuid(),
  activityStatusId: z.uuid(),
  form: FormSchema,
  active: z.boolean(),
};

export const ScheduleInput = z.strictObject({
  ...fields,
  /** A user-level schedule: that user's own hours. Its user list is that user (and cannot change). */
  ownerUserId: z.uuid().nullable().default(null),
  userIds: fields.userIds.optional(),
  dateOverrides: fields.dateOverrides.default([]),
  daysOff: fields.daysOff.default([]),
  bufferBeforeMinutes: fields.bufferBeforeMinutes.default(0),
  bufferAfterMinutes: fields.bufferAfterMinutes.default(0),
  minimumNoticeMinutes: fields.minimumNoticeMinutes.default(0),
  horizonDays: fields.horizonDays.default(60),
  form: FormSchema.default({ phoneRequired: true, questions: [] }),
  active: fields.active.default(true),
});
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const SchedulePatch = z.strictObject({
  name: fields.name.optional(),
  slug: fields.slug.optional(),
  timeZone: fields.timeZone.optional(),
  lengthMinutes: fields.lengthMinutes.optional(),
  weeklyHours: fields.weeklyHours.optional(),
  dateOverrides: fields.dateOverrides.optional(),
  daysOff: fields.daysOff.optional(),
  bufferBeforeMinutes: fields.bufferBeforeMinutes.optional(),
  bufferAfterMinutes: fields.bufferAfterMinutes.optional(),
  minimumNoticeMinutes: fields.minimumNoticeMinutes.optional(),
  horizonDays: fields.horizonDays.optional(),
  userIds: fields.userIds.optional(),
  activityTypeId: fields.activityTypeId.optional(),
  activityStatusId: fields.activityStatusId.optional(),
  form: FormSchema.optional(),
  active: fields.active.optional(),
});
export type SchedulePatch = z.infer<typeof SchedulePatch>;
