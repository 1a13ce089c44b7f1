import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { AUTHED, page, problems, Timestamp, toJson } from '../../../server/http-schemas.ts';
import { actorOf } from '../../../server/plugins/auth.ts';
import { OPT_OUT_ACTIONS } from '../schema.ts';
import { listOptOuts, OptOutsQuery } from './list-opt-outs.ts';
import { ConsentInput, recordConsent } from './record-consent.ts';

const tags = ['opt-outs'];
const OptOutEntry = z
  .object({
    id: z.uuid(),
    phone: z.string(),
    accountNumber: z.string(),
    action: z.enum(OPT_OUT_ACTIONS),
    source: z.enum(['keyword', 'user', 'provider', 'message']),
    keyword: z.string().nullable(),
    body: z.string().nullable(),
    messageId: z.uuid().nullable(),
    userId: z.uuid().nullable(),
    at: Timestamp,
  })
  .meta({ id: 'OptOutEntry' });

/** The opt-out ledger (append-only): read it, and record consent given or revoked by other means. */
export const optOutRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/opt-outs',
      {
        schema: {
          tags,
          summary: 'The opt-out ledger, newest first (View Messages Tab)',
          querystring: OptOutsQuery,
          response: { 200: page(OptOutEntry), ...problems(...AUTHED) },
        },
      },
      async (request) => toJson(await listOptOuts(deps, { actor: actorOf(request), query: request.query })),
    );
    app.post(
      '/opt-outs',
      {
        schema: {
          tags,
          summary: 'Record an opt-out or opt-in given by other means (a call, a letter), with a note',
          body: ConsentInput,
          response: { 201: OptOutEntry, ...problems(...AUTHED) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await recordConsent(deps, { actor: actorOf(request), input: request.body }))),
    );
  };
