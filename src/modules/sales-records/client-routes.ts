import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { listClientSalesRecords } from './client-sales-records.ts';
import { createSalesRecordForIndividual, FromIndividualInput } from './convert-sales-record.ts';
import { SalesRecordSchema } from './routes.ts';

// A client's Sales Records, under the individuals' URLs and tag: registered by sales-records, which
// sits above individuals (decision 042), right after the individuals' routes (src/server/app.ts).
const s = z.string().nullable();
const ClientSalesRecord = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    recordTypeId: z.uuid(),
    recordTypeName: z.string(),
    statusId: z.uuid(),
    statusName: z.string(),
    isClosedWon: z.boolean(),
    isClosed: z.boolean(),
    coverageType: s,
    carrier: s,
    product: s,
    assignedUserId: z.uuid().nullable(),
    assignedAgentId: z.uuid().nullable(),
    convertedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'ClientSalesRecord' });
const tags = ['individuals'];

export const clientSalesRecordRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/individuals/:id/sales-records',
      {
        schema: {
          tags,
          summary:
            'The client’s Sales Records (created for it or converted into it) that you may see, newest first',
          params: IdParams,
          response: { 200: z.object({ items: z.array(ClientSalesRecord) }), ...problems(...AUTHED, 404) },
        },
      },
      async (request) => ({
        items: toJson(
          await listClientSalesRecords(deps, { actor: actorOf(request), individualId: request.params.id }),
        ),
      }),
    );
    app.post(
      '/individuals/:id/sales-records',
      {
        schema: {
          tags,
          summary: 'Create a Sales Record for this existing Individual (a new sale to a client)',
          params: IdParams,
          body: FromIndividualInput,
          response: { 201: SalesRecordSchema, ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          toJson(
            await createSalesRecordForIndividual(deps, {
              actor: actorOf(request),
              individualId: request.params.id,
              input: request.body,
            }),
          ),
        ),
    );
  };
