import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, page, problems, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { PersonOutput } from '../person/index.ts';
import {
  CreateIndividualInput,
  createIndividual,
  getIndividual,
  ListIndividualsQuery,
  listIndividuals,
  UpdateIndividualInput,
  updateIndividual,
} from './individuals.ts';

const Individual = z
  .object({
    ...PersonOutput,
    servicingAgentId: z.uuid().nullable(),
    /** The Servicing Agent's name (null: none, or gone). */
    servicingAgentName: z.string().nullable(),
  })
  .meta({ id: 'Individual' });
const ListItem = Individual.pick({
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  cellPhone: true,
  city: true,
  state: true,
  servicingAgentId: true,
  servicingAgentName: true,
  createdAt: true,
});
const tags = ['individuals'];

export const individualRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/individuals',
      {
        schema: {
          tags,
          summary: 'Individuals (clients) within your reach',
          querystring: ListIndividualsQuery,
          response: { 200: page(ListItem), ...problems(...AUTHED) },
        },
      },
      async (request) =>
        toJson(await listIndividuals(deps, { actor: actorOf(request), query: request.query })),
    );
    app.post(
      '/individuals',
      {
        schema: {
          tags,
          summary: 'Add an Individual',
          body: CreateIndividualInput,
          response: { 201: Individual, ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await createIndividual(deps, { actor: actorOf(request), input: request.body }))),
    );
    app.get(
      '/individuals/:id',
      {
        schema: {
          tags,
          summary: 'One Individual',
          params: IdParams,
          response: { 200: Individual, ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        toJson(await getIndividual(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.patch(
      '/individuals/:id',
      {
        schema: {
          tags,
          summary: 'Edit an Individual',
          params: IdParams,
          body: UpdateIndividualInput,
          response: { 200: Individual, ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        toJson(
          await updateIndividual(deps, {
            actor: actorOf(request),
            id: request.params.id,
            patch: request.body,
          }),
        ),
    );
  };
