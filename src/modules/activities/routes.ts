import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import {
  createActivityStatus,
  createActivityType,
  listActivityStatuses,
  listActivityTypes,
  reorderActivityStatuses,
  reorderActivityTypes,
  updateActivityStatus,
  updateActivityType,
} from './activity-settings.ts';
import { listActivityOwners } from './activity-owners.ts';
import { loadVisibleActivity } from './activity-view.ts';
import {
  getCalendarFeed,
  renderCalendarFeed,
  revokeCalendarFeed,
  rotateCalendarFeed,
} from './calendar-feed.ts';
import { setActivityDone } from './complete-activity.ts';
import { createActivity } from './create-activity.ts';
import { deleteActivity } from './delete-activity.ts';
import {
  ActivityBody,
  ActivityPatch,
  ActivityStatusBody,
  ActivityStatusPatch,
  ActivityTypeBody,
  ActivityTypePatch,
  CompleteBody,
  ListActivitiesQuery,
  MyActivitiesQuery,
  OrderBody,
} from './fields.ts';
import { listActivities } from './list-activities.ts';
import { myActivities } from './my-activities.ts';
import { ACTIVITY_CATEGORIES, ACTIVITY_SOURCES } from './schema.ts';
import { updateActivity } from './update-activity.ts';
import { loadViewer } from './visibility.ts';
import { authorize } from '../access/index.ts';

const Id = z.uuid();
const OptTime = Timestamp.nullable();

export const ActivitySchema = z
  .object({
    id: Id,
    activityTypeId: Id,
    activityType: z.object({
      id: Id,
      name: z.string(),
      category: z.enum(ACTIVITY_CATEGORIES).nullable(),
      color: z.string().nullable(),
    }),
    statusId: Id,
    status: z.object({ id: Id, name: z.string(), isClosed: z.boolean(), isCancelled: z.boolean() }),
    subject: z.string(),
    ownerUserId: Id.nullable(),
    ownerTeamId: Id.nullable(),
    ownerName: z.string(),
    startsAt: OptTime,
    endsAt: OptTime,
    dueAt: OptTime,
    allDay: z.boolean(),
    salesRecordId: Id.nullable(),
    individualId: Id.nullable(),
    agentId: Id.nullable(),
    record: z
      .object({ kind: z.enum(['sales_record', 'individual', 'agent']), id: Id, name: z.string() })
      .nullable(),
    notes: z.string(),
    details: z.record(z.string(), z.unknown()),
    completedAt: OptTime,
    completedByUserId: Id.nullable(),
    source: z.enum(ACTIVITY_SOURCES),
    scheduleId: Id.nullable(),
    createdByUserId: Id.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    canEdit: z.boolean().describe('The viewer may edit, complete and delete it (owner, team or creator)'),
  })
  .meta({ id: 'Activity' });

const ActivityTypeSchema = z
  .object({
    id: Id,
    name: z.string(),
    category: z.enum(ACTIVITY_CATEGORIES).nullable(),
    color: z.string().nullable(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'ActivityType' });

const ActivityStatusSchema = z
  .object({
    id: Id,
    name: z.string(),
    isClosed: z.boolean(),
    isCancelled: z.boolean(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'ActivityStatus' });

const CalendarFeedSchema = z
  .object({
    active: z.boolean(),
    url: z.string().optional().describe('Shown once, when the feed is created or rotated'),
    createdAt: OptTime,
    lastUsedAt: OptTime,
  })
  .meta({ id: 'CalendarFeed' });

const tags = ['activities'];

export const activityRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/activities',
      {
        schema: {
          tags,
          summary:
            'Activities the user may see: by range (the calendar), owners, record (a record’s activities) or state. With a range in time order, otherwise newest first',
          querystring: ListActivitiesQuery,
          response: {
            200: z.object({ items: z.array(ActivitySchema), truncated: z.boolean() }),
            ...problems(...AUTHED, 404),
          },
        },
      },
      async (request) =>
        toJson(await listActivities(deps, { actor: actorOf(request), query: request.query })),
    );
    app.get(
      '/activities/mine',
      {
        schema: {
          tags,
          summary: 'My open activities (mine and my teams’) starting or due soon, overdue first',
          querystring: MyActivitiesQuery,
          response: {
            200: z.object({ items: z.array(ActivitySchema.extend({ overdue: z.boolean() })) }),
            ...problems(...AUTHED),
          },
        },
      },
      async (request) => toJson(await myActivities(deps, { actor: actorOf(request), ...request.query })),
    );
    app.get(
      '/activities/owners',
      {
        schema: {
          tags,
          summary:
            'Possible owners (active users, teams); `viewable`: the user may filter the calendar by them (self, own teams, granted users)',
          response: {
            200: z.object({
              users: z.array(
                z.object({ id: Id, firstName: z.string(), lastName: z.string(), viewable: z.boolean() }),
              ),
              teams: z.array(z.object({ id: Id, name: z.string(), viewable: z.boolean() })),
            }),
            ...problems(...AUTHED),
          },
        },
      },
      async (request) => listActivityOwners(deps, { actor: actorOf(request) }),
    );
    app.post(
      '/activities',
      {
        schema: {
          tags,
          summary: 'Create an activity (owner: the given user or team, else the signed-in user)',
          body: ActivityBody,
          response: { 201: ActivitySchema, ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await createActivity(deps, { actor: actorOf(request), input: request.body }))),
    );
    app.get(
      '/activities/:id',
      {
        schema: {
          tags,
          summary: 'An activity',
          params: IdParams,
          response: { 200: ActivitySchema, ...problems(...AUTHED, 404) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        authorize(actor, 'activity.use');
        const viewer = await loadViewer(deps.db, actor);
        return toJson(await loadVisibleActivity(deps.db, actor, viewer, request.params.id));
      },
    );
    app.patch(
      '/activities/:id',
      {
        schema: {
          tags,
          summary: 'Edit an activity (its owner, team or creator)',
          params: IdParams,
          body: ActivityPatch,
          response: { 200: ActivitySchema, ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request) =>
        toJson(
          await updateActivity(deps, { actor: actorOf(request), id: request.params.id, patch: request.body }),
        ),
    );
    for (const [path, done] of [
      ['complete', true],
      ['reopen', false],
    ] as const) {
      app.post(
        `/activities/:id/${path}`,
        {
          schema: {
            tags,
            summary: done
              ? 'Complete an activity (a closed status; default the first that is not a cancellation)'
              : 'Reopen a completed activity (an open status; default the first)',
            params: IdParams,
            body: CompleteBody.optional(),
            response: { 200: ActivitySchema, ...problems(...AUTHED, 404, 409, 422) },
          },
        },
        async (request) =>
          toJson(
            await setActivityDone(deps, {
              actor: actorOf(request),
              id: request.params.id,
              done,
              statusId: request.body?.statusId,
            }),
          ),
      );
    }
    app.delete(
      '/activities/:id',
      {
        schema: {
          tags,
          summary: 'Delete an activity (its owner, team or creator)',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await deleteActivity(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    // ---- Activity Types and Statuses (settings) ----
    const settings = [
      {
        path: 'activity-types',
        Item: ActivityTypeSchema,
        Body: ActivityTypeBody,
        Patch: ActivityTypePatch,
        noun: 'Activity Type',
        list: listActivityTypes,
        create: createActivityType,
        update: updateActivityType,
        reorder: reorderActivityTypes,
      },
      {
        path: 'activity-statuses',
        Item: ActivityStatusSchema,
        Body: ActivityStatusBody,
        Patch: ActivityStatusPatch,
        noun: 'Activity Status',
        list: listActivityStatuses,
        create: createActivityStatus,
        update: updateActivityStatus,
        reorder: reorderActivityStatuses,
      },
    ] as const;
    for (const s of settings) {
      const stags = [s.path];
      app.get(
        `/${s.path}`,
        {
          schema: {
            tags: stags,
            summary: `List ${s.noun}s (inactive ones too)`,
            response: { 200: z.object({ items: z.array(s.Item) }), ...problems(...AUTHED) },
          },
        },
        async (request) => toJson({ items: await s.list(deps, { actor: actorOf(request) }) }),
      );
      app.post(
        `/${s.path}`,
        {
          schema: {
            tags: stags,
            summary:
              s.path === 'activity-types'
                ? 'Add an Activity Type (Manage Users; in the Appointment category: activity_types.manage)'
                : 'Add an Activity Status (Manage Users)',
            body: s.Body,
            response: { 201: s.Item, ...problems(...AUTHED, 409) },
          },
        },
        async (request, reply) =>
          reply
            .code(201)
            .send(toJson(await s.create(deps, { actor: actorOf(request), input: request.body as never }))),
      );
      app.patch(
        `/${s.path}/:id`,
        {
          schema: {
            tags: stags,
            summary: `Rename, (de)activate or recategorise an ${s.noun}`,
            params: IdParams,
            body: s.Patch,
            response: { 200: s.Item, ...problems(...AUTHED, 404, 409, 422) },
          },
        },
        async (request) =>
          toJson(
            await s.update(deps, {
              actor: actorOf(request),
              id: request.params.id,
              patch: request.body as never,
            }),
          ),
      );
      app.put(
        `/${s.path}/order`,
        {
          schema: {
            tags: stags,
            summary: `Reorder the ${s.noun}s: every id, in the new order`,
            body: OrderBody,
            response: { 200: z.object({ items: z.array(s.Item) }), ...problems(...AUTHED) },
          },
        },
        async (request) =>
          toJson({ items: await s.reorder(deps, { actor: actorOf(request), ids: request.body.ids }) }),
      );
    }

    // ---- The signed-in user's calendar feed ----
    app.get(
      '/me/calendar-feed',
      {
        schema: {
          tags: ['calendar'],
          summary: 'My private calendar (ICS) feed: whether it exists (its URL is shown only when created)',
          response: { 200: CalendarFeedSchema, ...problems(...AUTHED) },
        },
      },
      async (request) => toJson(await getCalendarFeed(deps, { actor: actorOf(request) })),
    );
    app.post(
      '/me/calendar-feed',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Create or rotate my calendar feed URL (the previous one stops working)',
          response: { 201: CalendarFeedSchema, ...problems(...AUTHED) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(toJson(await rotateCalendarFeed(deps, { actor: actorOf(request) }))),
    );
    app.delete(
      '/me/calendar-feed',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Revoke my calendar feed URL',
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await revokeCalendarFeed(deps, { actor: actorOf(request) });
        return reply.code(204).send(null);
      },
    );
  };

/** Under /api/public/v1: no session; the URL's token is the credential. */
export const calendarFeedPublicRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // Encapsulated: only this plugin's routes. Calendar apps poll every few minutes to hours.
    await app.register(rateLimit, { global: true, max: 60, timeWindow: 60_000 });
    app.get(
      '/calendar/:token.ics',
      {
        config: { auth: false },
        schema: {
          tags: ['calendar'],
          summary:
            'A user’s private calendar feed (RFC 5545): their activities from 60 days back to a year ahead',
          security: [],
          params: z.strictObject({ token: z.string().min(1).max(200) }),
          response: { 200: z.string().describe('text/calendar'), ...problems(400, 404, 429) },
        },
      },
      async (request, reply) =>
        reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', 'inline; filename="openams.ics"')
          .send(await renderCalendarFeed(deps, { token: request.params.token })),
    );
  };
