import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { CreateApiKeyInput, createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { API_KEY_SCOPES } from './schema.ts';

const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scope: z.enum(API_KEY_SCOPES),
    displayPrefix: z.string(),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });

export const apiKeyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api-keys',
      {
        schema: {
          tags: ['api-keys'],
          summary: 'List API keys (Manage Users)',
          response: { 200: z.object({ items: z.array(ApiKeySchema) }), ...problems(...AUTHED) },
        },
      },
      async (request) => ({ items: toJson(await listApiKeys(deps, { actor: actorOf(request) })) }),
    );
    app.post(
      '/api-keys',
      {
        schema: {
          tags: ['api-keys'],
          summary: 'Create an API key; the key is in this answer only',
          body: CreateApiKeyInput,
          response: { 201: ApiKeySchema.extend({ key: z.string() }), ...problems(...AUTHED) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(toJson(await createApiKey(deps, { actor: actorOf(request), ...request.body }))),
    );
    app.delete(
      '/api-keys/:id',
      {
        schema: {
          tags: ['api-keys'],
          summary: 'Revoke an API key',
          params: IdParams,
          response: { 200: ApiKeySchema, ...problems(...AUTHED, 404) },
        },
      },
      async (request) => toJson(await revokeApiKey(deps, { actor: actorOf(request), id: request.params.id })),
    );
  };
