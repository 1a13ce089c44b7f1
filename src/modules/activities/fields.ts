import { z } from 'zod';
import { ACTIVITY_CATEGORIES } from './schema.ts';

/** Request bodies and queries of the activities API. Shape rules beyond types live in rules.ts. */
const Time = z.iso
  .datetime({ offset: true, message: 'Must be an ISO 8601 date and time, e.g. 2030-01-31T14:00:00Z.' })
  .nullable()
  .optional();
const Id = z.uuid({ message: 'Must be a valid id.' });
const OptId = Id.nullable().optional();

export const ActivityBody = z.strictObject({
  activityTypeId: Id,
  statusId: OptId.describe('Default: the first open status'),
  subject: z.string().max(1000),
  ownerUserId: OptId.describe('Default (when no owner is given): the signed-in user'),
  ownerTeamId: OptId,
  startsAt: Time,
  endsAt: Time,
  dueAt: Time,
  allDay: z.boolean().optional(),
  salesRecordId: OptId,
  individualId: OptId,
  agentId: OptId,
  notes: z.string().max(20_000).optional(),
  details: z.record(z.string().max(100), z.unknown()).optional(),
  confirmOverlap: z
    .boolean()
    .optional()
    .describe(
      'Save even when the time overlaps another timed activity of the same owner (otherwise 409 activity-overlap)',
    ),
});
export type ActivityBody = z.infer<typeof ActivityBody>;

export const ActivityPatch = ActivityBody.partial();
export type ActivityPatch = z.infer<typeof ActivityPatch>;

export const CompleteBody = z.strictObject({
  statusId: OptId.describe('A closed status; default: the first closed status that is not a cancellation'),
});

const IdList = z
  .string()
  .max(20_000)
  .transform((s) => s.split(',').filter((x) => x !== ''))
  .pipe(z.array(Id).max(200));

export const ListActivitiesQuery = z.strictObject({
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('With `to`: timed activities overlapping [from, to) and due ones inside it'),
  to: z.iso.datetime({ offset: true }).optional(),
  ownerUserIds: IdList.optional().describe('Comma-separated user ids'),
  ownerTeamIds: IdList.optional().describe('Comma-separated team ids'),
  salesRecordId: Id.optional(),
  individualId: Id.optional(),
  agentId: Id.optional(),
  state: z.enum(['open', 'closed', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type ListActivitiesQuery = z.infer<typeof ListActivitiesQuery>;

export const MyActivitiesQuery = z.strictObject({
  days: z.coerce.number().int().min(0).max(60).default(7).describe('How far ahead "soon" reaches'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Name = z.string().trim().min(1, 'Required.').max(60);
const Color = z
  .string()
  .max(7)
  .regex(/^#[0-9a-fA-F]{6}$/, 'Must be a colour like #1c7ed6.')
  .nullable();

export const ActivityTypeBody = z.strictObject({
  name: Name,
  category: z.enum(ACTIVITY_CATEGORIES).nullable().default(null),
  color: Color.default(null),
});
export const ActivityTypePatch = z.strictObject({
  name: Name.optional(),
  category: z.enum(ACTIVITY_CATEGORIES).nullable().optional(),
  color: Color.optional(),
  active: z.boolean().optional(),
});

export const ActivityStatusBody = z.strictObject({
  name: Name,
  isClosed: z.boolean().default(false),
  isCancelled: z
    .boolean()
    .default(false)
    .describe('Cancels the activity (implies closed); frees appointment time'),
});
export const ActivityStatusPatch = z.strictObject({
  name: Name.optional(),
  isClosed: z.boolean().optional(),
  isCancelled: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const OrderBody = z.strictObject({ ids: z.array(Id).min(1).max(200) });
