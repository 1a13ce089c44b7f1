import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { Phone } from '../../../lib/phone.ts';
import { AUTHED, problems, Timestamp, toJson } from '../../../server/http-schemas.ts';
import { actorOf } from '../../../server/plugins/auth.ts';
import { MESSAGE_DIRECTIONS, MESSAGE_STATES } from '../schema.ts';
import { DELIVERY_STATUSES } from '../rules/index.ts';
import { failNextDeliveries, listSimulatorPhoneMessages, simulateInboundText } from './simulator.ts';

const tags = ['simulator'];
/** The fake phone in a path: any spelling of a number, normalised (and checked) by the use case. */
const PhoneParams = z.strictObject({ phone: z.string().min(1).max(40) });

const SimulatedText = z
  .object({
    id: z.uuid(),
    direction: z.enum(MESSAGE_DIRECTIONS),
    from: z.string(),
    to: z.string(),
    body: z.string(),
    status: z.enum(MESSAGE_STATES),
    deliveryStatus: z.enum(DELIVERY_STATUSES).nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'SimulatedText' });

/** The simulator's beneficiary side (only while MESSAGING_PROVIDER=simulator; else 404). */
export const simulatorRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/simulator/messages',
      {
        schema: {
          tags,
          summary:
            'The simulated beneficiary texts one of the account’s numbers (runs the real inbound pipeline)',
          body: z.strictObject({ from: Phone, to: Phone, body: z.string().min(1).max(1600) }),
          response: {
            201: z.object({
              messageId: z.uuid(),
              classification: z.enum(['opt_out', 'opt_in', 'help', 'likely_revocation', 'none']),
              reply: z.object({ messageId: z.uuid(), body: z.string() }).nullable(),
            }),
            ...problems(...AUTHED, 404),
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await simulateInboundText(deps, { actor: actorOf(request), ...request.body })),
    );
    app.get(
      '/simulator/phones/:phone/messages',
      {
        schema: {
          tags,
          summary: 'Texts a fake phone got and sent, newest first',
          params: PhoneParams,
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(100) }),
          response: { 200: z.object({ items: z.array(SimulatedText) }), ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        toJson(
          await listSimulatorPhoneMessages(deps, {
            actor: actorOf(request),
            phone: request.params.phone,
            limit: request.query.limit,
          }),
        ),
    );
    app.post(
      '/simulator/phones/:phone/fail-next',
      {
        schema: {
          tags,
          summary: 'Make the next deliveries to a fake phone fail (count 0: deliver again)',
          params: PhoneParams,
          body: z.strictObject({ count: z.number().int().min(0).max(100) }),
          response: {
            200: z.object({ phone: z.string(), failNext: z.number().int() }),
            ...problems(...AUTHED, 404),
          },
        },
      },
      async (request) =>
        failNextDeliveries(deps, {
          actor: actorOf(request),
          phone: request.params.phone,
          count: request.body.count,
        }),
    );
  };
