import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { ScheduleInput, SchedulePatch } from './schedule-input.ts';
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule } from './schedules.ts';
import { QUESTION_TYPES } from './schema.ts';
import { WEEKDAYS, type Weekday } from './slots.ts';

const TimeRange = z.object({ start: z.string(), end: z.string() });
const WeeklyHours = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(TimeRange)])) as Record<
      Weekday,
      z.ZodArray<typeof TimeRange>
    >,
  )
  .meta({
    id: 'WeeklyHours',
    description: 'Ranges of wall-clock hours (HH:mm) per weekday, in the schedule’s zone',
  });
export const BookingForm = z
  .object({
    phoneRequired: z.boolean(),
    questions: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        type: z.enum(QUESTION_TYPES),
        required: z.boolean(),
        options: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'BookingForm' });

const Schedule = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    publicUrl: z.string(),
    ownerUserId: z.uuid().nullable(),
    timeZone: z.string(),
    lengthMinutes: z.number().int(),
    weeklyHours: WeeklyHours,
    dateOverrides: z.array(z.object({ date: z.string(), hours: z.array(TimeRange) })),
    daysOff: z.array(z.string()),
    bufferBeforeMinutes: z.number().int(),
    bufferAfterMinutes: z.number().int(),
    minimumNoticeMinutes: z.number().int(),
    horizonDays: z.number().int(),
    userIds: z.array(z.uuid()),
    activityTypeId: z.uuid(),
    activityStatusId: z.uuid(),
    form: BookingForm,
    active: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'AppointmentSchedule' });
const tags = ['appointment-schedules'];

export const schedulerRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/appointment-schedules',
      {
        schema: {
          tags,
          summary: 'Appointment Schedules of the account, by name (Appointment Scheduler settings)',
          response: { 200: z.object({ items: z.array(Schedule) }), ...problems(...AUTHED) },
        },
      },
      async (request) => toJson({ items: await listSchedules(deps, { actor: actorOf(request) }) }),
    );
    app.post(
      '/appointment-schedules',
      {
        schema: {
          tags,
          summary:
            'Create a schedule: account-level with an ordered user list, or user-level (`ownerUserId`: that user’s own hours)',
          body: ScheduleInput,
          response: { 201: Schedule, ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await createSchedule(deps, { actor: actorOf(request), input: request.body }))),
    );
    app.get(
      '/appointment-schedules/:id',
      {
        schema: {
          tags,
          summary: 'One schedule',
          params: IdParams,
          response: { 200: Schedule, ...problems(...AUTHED, 404) },
        },
      },
      async (request) => toJson(await getSchedule(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.patch(
      '/appointment-schedules/:id',
      {
        schema: {
          tags,
          summary: 'Edit a schedule; `userIds` is the whole ordered list',
          params: IdParams,
          body: SchedulePatch,
          response: { 200: Schedule, ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request) =>
        toJson(
          await updateSchedule(deps, { actor: actorOf(request), id: request.params.id, patch: request.body }),
        ),
    );
    app.delete(
      '/appointment-schedules/:id',
      {
        schema: {
          tags,
          summary: 'Delete a schedule (its link stops working; booked appointments stay)',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await deleteSchedule(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
