import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import {
  addPolicy,
  deletePolicy,
  listPolicies,
  type PolicyOwner,
  PolicyInput,
  PolicyPatch,
  updatePolicy,
} from './policies.ts';
import { RENEWAL_CYCLES } from './renewal.ts';
import { POLICY_STATUSES } from './schema.ts';

const Policy = z
  .object({
    id: z.uuid(),
    salesRecordId: z.uuid().nullable(),
    individualId: z.uuid().nullable(),
    carrier: z.string(),
    product: z.string(),
    coverageType: z.string().nullable(),
    premium: z.string().nullable(),
    effectiveDate: z.string().nullable(),
    renewalCycle: z.enum(RENEWAL_CYCLES).nullable(),
    status: z.enum(POLICY_STATUSES),
    customFields: z.record(z.string(), z.unknown()),
    createdAt: Timestamp,
  })
  .meta({ id: 'Policy' });
const tags = ['policies'];

export const policyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const [path, kind] of [
      ['/sales-records/:id/policies', 'sales_record'],
      ['/individuals/:id/policies', 'individual'],
    ] as const) {
      const owner = (id: string): PolicyOwner => ({ kind, id });
      app.get(
        path,
        {
          schema: {
            tags,
            summary: `Policies on the ${kind.replace('_', ' ')}`,
            params: IdParams,
            response: { 200: z.object({ items: z.array(Policy) }), ...problems(...AUTHED, 404) },
          },
        },
        async (request) => ({
          items: toJson(
            await listPolicies(deps, { actor: actorOf(request), owner: owner(request.params.id) }),
          ),
        }),
      );
      app.post(
        path,
        {
          schema: {
            tags,
            summary: `Add a (quoted) policy to the ${kind.replace('_', ' ')}`,
            params: IdParams,
            body: PolicyInput,
            response: { 201: Policy, ...problems(...AUTHED, 404, 422) },
          },
        },
        async (request, reply) =>
          reply.code(201).send(
            toJson(
              await addPolicy(deps, {
                actor: actorOf(request),
                owner: owner(request.params.id),
                input: request.body,
              }),
            ),
          ),
      );
    }
    app.patch(
      '/policies/:id',
      {
        schema: {
          tags,
          summary: 'Edit a policy',
          params: IdParams,
          body: PolicyPatch,
          response: { 200: Policy, ...problems(...AUTHED, 404, 422) },
        },
      },
      async (request) =>
        toJson(
          await updatePolicy(deps, { actor: actorOf(request), id: request.params.id, patch: request.body }),
        ),
    );
    app.delete(
      '/policies/:id',
      {
        schema: {
          tags,
          summary: 'Remove a policy',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 422) },
        },
      },
      async (request, reply) => {
        await deletePolicy(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
