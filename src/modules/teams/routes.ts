import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { createTeam, deleteTeam, listTeams, TeamInput, TeamPatch, updateTeam } from './teams.ts';

const Team = z.object({ id: z.uuid(), name: z.string(), memberIds: z.array(z.uuid()) }).meta({ id: 'Team' });
const tags = ['teams'];

export const teamRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/teams',
      {
        schema: {
          tags,
          summary: 'List teams (Manage Users)',
          response: { 200: z.object({ items: z.array(Team) }), ...problems(...AUTHED) },
        },
      },
      async (request) => ({
        items: await listTeams(deps, { actor: actorOf(request) }),
      }),
    );
    app.post(
      '/teams',
      {
        schema: {
          tags,
          summary: 'Create a team',
          body: TeamInput,
          response: { 201: z.object({ id: z.uuid() }), ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ id: await createTeam(deps, { actor: actorOf(request), input: request.body }) }),
    );
    app.patch(
      '/teams/:id',
      {
        schema: {
          tags,
          summary: 'Rename a team or set its members',
          params: IdParams,
          body: TeamPatch,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request, reply) => {
        await updateTeam(deps, { actor: actorOf(request), id: request.params.id, patch: request.body });
        return reply.code(204).send(null);
      },
    );
    app.delete(
      '/teams/:id',
      {
        schema: {
          tags,
          summary: 'Delete a team',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await deleteTeam(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
