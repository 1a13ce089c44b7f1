import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import {
  AgentInput,
  AgentPatch,
  createAgent,
  getAgent,
  listAgents,
  listAssignableAgents,
  updateAgent,
} from './agents.ts';

const Agent = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    npn: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Agent' });
const tags = ['agents'];

export const agentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/agents',
      {
        schema: {
          tags,
          summary: 'List Agent Records (Manage Users)',
          querystring: z.strictObject({
            q: z.string().max(100).optional(),
            active: z.enum(['true', 'false']).optional(),
          }),
          response: { 200: z.object({ items: z.array(Agent) }), ...problems(...AUTHED) },
        },
      },
      async (request) =>
        toJson({
          items: await listAgents(deps, {
            actor: actorOf(request),
            q: request.query.q,
            active: request.query.active === undefined ? undefined : request.query.active === 'true',
          }),
        }),
    );
    app.get(
      '/agents/assignable',
      {
        schema: {
          tags,
          summary:
            'Agents the caller may pick on records (Agent Dropdown View “self”: only their Linked Agents)',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  firstName: z.string(),
                  lastName: z.string(),
                  npn: z.string().nullable(),
                }),
              ),
            }),
            ...problems(...AUTHED),
          },
        },
      },
      async (request) => ({ items: await listAssignableAgents(deps, { actor: actorOf(request) }) }),
    );
    app.post(
      '/agents',
      {
        schema: {
          tags,
          summary: 'Create an Agent Record',
          body: AgentInput,
          response: { 201: Agent, ...problems(...AUTHED) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await createAgent(deps, { actor: actorOf(request), input: request.body }))),
    );
    app.get(
      '/agents/:id',
      {
        schema: {
          tags,
          summary: 'One Agent Record',
          params: IdParams,
          response: { 200: Agent, ...problems(...AUTHED, 404) },
        },
      },
      async (request) => toJson(await getAgent(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.patch(
      '/agents/:id',
      {
        schema: {
          tags,
          summary: 'Edit an Agent Record',
          params: IdParams,
          body: AgentPatch,
          response: { 200: Agent, ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        toJson(
          await updateAgent(deps, { actor: actorOf(request), id: request.params.id, patch: request.body }),
        ),
    );
  };
