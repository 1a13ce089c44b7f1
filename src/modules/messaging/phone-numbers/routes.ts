import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { AUTHED, Id, IdParams, problems, Timestamp, toJson } from '../../../server/http-schemas.ts';
import { actorOf } from '../ports.ts';
import {
  createPhoneNumber,
  deletePhoneNumber,
  listPhoneNumbers,
  PhoneNumberInput,
  PhoneNumberPatch,
  setDefaultPhoneNumber,
  updatePhoneNumber,
} from './phone-numbers.ts';

const PhoneNumber = z
  .object({
    id: z.uuid(),
    number: z.string(),
    label: z.string(),
    provider: z.enum(['simulator', 'twilio']),
    createdAt: Timestamp,
    isMyDefault: z.boolean(),
  })
  .meta({ id: 'PhoneNumber' });
const tags = ['phone-numbers'];

export const phoneNumberRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/phone-numbers',
      {
        schema: {
          tags,
          summary: 'The account’s phone numbers (any signed-in user)',
          response: { 200: z.object({ items: z.array(PhoneNumber) }), ...problems(...AUTHED) },
        },
      },
      async (request) => toJson({ items: await listPhoneNumbers(deps, { actor: actorOf(request) }) }),
    );
    app.post(
      '/phone-numbers',
      {
        schema: {
          tags,
          summary: 'Add a phone number to text from (account admins)',
          body: PhoneNumberInput,
          response: { 201: PhoneNumber, ...problems(...AUTHED, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await createPhoneNumber(deps, { actor: actorOf(request), input: request.body }))),
    );
    app.patch(
      '/phone-numbers/:id',
      {
        schema: {
          tags,
          summary: 'Relabel a phone number (account admins)',
          params: IdParams,
          body: PhoneNumberPatch,
          response: { 200: PhoneNumber, ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        toJson(
          await updatePhoneNumber(deps, {
            actor: actorOf(request),
            id: request.params.id,
            patch: request.body,
          }),
        ),
    );
    app.delete(
      '/phone-numbers/:id',
      {
        schema: {
          tags,
          summary: 'Remove a phone number (account admins); past messages keep showing it',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await deletePhoneNumber(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
    app.put(
      '/users/:userId/default-phone-number',
      {
        schema: {
          tags,
          summary: 'A user’s default sending number (the user, or users.manage); null clears it',
          params: z.strictObject({ userId: Id }),
          body: z.strictObject({ phoneNumberId: Id.nullable() }),
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await setDefaultPhoneNumber(deps, {
          actor: actorOf(request),
          userId: request.params.userId,
          phoneNumberId: request.body.phoneNumberId,
        });
        return reply.code(204).send(null);
      },
    );
  };
