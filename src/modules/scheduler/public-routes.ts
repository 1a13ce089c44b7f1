import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { TimeZone } from '../../lib/fields.ts';
import { problems } from '../../server/http-schemas.ts';
import { requestContext } from '../../server/plugins/auth.ts';
import { bookAppointment, BookingBody } from './book-appointment.ts';
import { cancelBooking, getBooking, rescheduleBooking } from './manage-booking.ts';
import { getPublicSchedule, listOpenSlots } from './list-open-slots.ts';
import { BookingForm } from './routes.ts';
import { isoInZone } from './slots.ts';

/**
 * The public side of the Appointment Scheduler, under /api/public/v1: no login, only the slug or
 * the manage-link token. Every route is rate limited per IP (in this process); bookings also per
 * booker email and per IP in the database (decision 008).
 */
const tags = ['public'];
const security: never[] = [];
const SlugParams = z.strictObject({ slug: z.string().min(1).max(60) });
const TokenParams = z.strictObject({ token: z.string().min(40).max(200) });
const OffsetTime = z.string().describe('ISO 8601 time with the offset of the requested zone');

const PublicSchedule = z
  .object({
    slug: z.string(),
    name: z.string(),
    agencyName: z.string(),
    lengthMinutes: z.number().int(),
    timeZone: z.string(),
    horizonDays: z.number().int(),
    form: BookingForm,
  })
  .meta({ id: 'PublicSchedule' });
const Slots = z
  .object({
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    lengthMinutes: z.number().int(),
    slots: z.array(z.object({ start: OffsetTime, end: OffsetTime })),
  })
  .meta({ id: 'OpenSlots' });
const Booked = z
  .object({
    id: z.uuid(),
    start: OffsetTime,
    end: OffsetTime,
    timeZone: z.string(),
    scheduleName: z.string(),
    agencyName: z.string(),
    withName: z.string(),
    manageToken: z.string(),
    manageUrl: z.string(),
  })
  .meta({ id: 'Booking' });
const ManagedBooking = z
  .object({
    id: z.uuid(),
    status: z.enum(['booked', 'cancelled']),
    start: OffsetTime,
    end: OffsetTime,
    timeZone: z.string(),
    scheduleName: z.string(),
    slug: z.string(),
    agencyName: z.string(),
    withName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    canChange: z.boolean(),
  })
  .meta({ id: 'ManagedBooking' });

/** A booking's times with the offset of the booker's zone. */
const inZone = <T extends { start: Date; end: Date; timeZone: string }>(
  b: T,
): Omit<T, 'start' | 'end'> & { start: string; end: string } => {
  const fmt = (d: Date) => isoInZone(d.getTime(), b.timeZone);
  return { ...b, start: fmt(b.start), end: fmt(b.end) };
};
export const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: 60_000 };
export const BOOKING_RATE_LIMIT = { max: 20, timeWindow: 60_000 };

export const schedulerPublicRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(rateLimit, { global: true, ...PUBLIC_RATE_LIMIT });
    app.get(
      '/schedules/:slug',
      {
        schema: {
          tags,
          security,
          summary: 'A public booking page: the schedule’s name, appointment length, zone and form',
          params: SlugParams,
          response: { 200: PublicSchedule, ...problems(400, 404, 429) },
        },
      },
      async (request) => getPublicSchedule(deps, { slug: request.params.slug }),
    );
    app.get(
      '/schedules/:slug/slots',
      {
        schema: {
          tags,
          security,
          summary:
            'Open slots on the booker’s dates `from`..`to` (YYYY-MM-DD, inclusive, at most 62 days) in `timeZone` (default: the schedule’s)',
          params: SlugParams,
          querystring: z.strictObject({
            from: z.iso.date().optional(),
            to: z.iso.date().optional(),
            timeZone: TimeZone.optional(),
          }),
          response: { 200: Slots, ...problems(400, 404, 429) },
        },
      },
      async (request) => listOpenSlots(deps, { slug: request.params.slug, ...request.query }),
    );
    app.post(
      '/schedules/:slug/bookings',
      {
        config: { rateLimit: BOOKING_RATE_LIMIT },
        schema: {
          tags,
          security,
          summary:
            'Book a slot: matches or creates the record, blocks the slot on the assigned user’s calendar, emails the booker an invitation',
          params: SlugParams,
          body: BookingBody,
          response: { 201: Booked, ...problems(400, 404, 409, 422, 429) },
        },
      },
      async (request, reply) => {
        const booked = await bookAppointment(deps, {
          slug: request.params.slug,
          body: request.body,
          ctx: requestContext(request),
        });
        return reply.code(201).send(inZone(booked));
      },
    );
    app.get(
      '/bookings/:token',
      {
        schema: {
          tags,
          security,
          summary: 'A booking, by the token of its manage link',
          params: TokenParams,
          response: { 200: ManagedBooking, ...problems(400, 404, 429) },
        },
      },
      async (request) => inZone(await getBooking(deps, { token: request.params.token })),
    );
    app.delete(
      '/bookings/:token',
      {
        config: { rateLimit: BOOKING_RATE_LIMIT },
        schema: {
          tags,
          security,
          summary: 'Cancel a booking (frees the slot; the booker gets a cancellation)',
          params: TokenParams,
          response: { 200: ManagedBooking, ...problems(400, 404, 409, 422, 429) },
        },
      },
      async (request) =>
        inZone(await cancelBooking(deps, { token: request.params.token, ctx: requestContext(request) })),
    );
    app.post(
      '/bookings/:token/reschedule',
      {
        config: { rateLimit: BOOKING_RATE_LIMIT },
        schema: {
          tags,
          security,
          summary: 'Move a booking to another open slot of its schedule',
          params: TokenParams,
          body: z.strictObject({ start: BookingBody.shape.start }),
          response: { 200: ManagedBooking, ...problems(400, 404, 409, 422, 429) },
        },
      },
      async (request) =>
        inZone(
          await rescheduleBooking(deps, {
            token: request.params.token,
            start: request.body.start,
            ctx: requestContext(request),
          }),
        ),
    );
  };
