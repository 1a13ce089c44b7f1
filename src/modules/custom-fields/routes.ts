import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import {
  CustomFieldInput,
  CustomFieldPatch,
  createCustomField,
  deleteCustomField,
  listCustomFields,
  updateCustomField,
} from './custom-fields.ts';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from './schema.ts';

const CustomField = z
  .object({
    id: z.uuid(),
    entity: z.enum(CUSTOM_FIELD_ENTITIES),
    key: z.string(),
    label: z.string(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string()),
    required: z.boolean(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'CustomField' });
const tags = ['custom-fields'];

export const customFieldRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/custom-fields',
      {
        schema: {
          tags,
          summary: 'The account’s custom fields (any signed-in user)',
          querystring: z.strictObject({ entity: z.enum(CUSTOM_FIELD_ENTITIES).optional() }),
          response: { 200: z.object({ items: z.array(CustomField) }), ...problems(...AUTHED) },
        },
      },
      async (request) => ({
        items: await listCustomFields(deps, { actor: actorOf(request), entity: request.query.entity }),
      }),
    );
    app.post(
      '/custom-fields',
      {
        schema: {
          tags,
          summary: 'Define a custom field (text, number, date, yes/no, pick list)',
          body: CustomFieldInput,
          response: { 201: CustomField, ...problems(...AUTHED, 409, 422) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createCustomField(deps, { actor: actorOf(request), input: request.body })),
    );
    app.patch(
      '/custom-fields/:id',
      {
        schema: {
          tags,
          summary: 'Relabel, reorder, make required, or change pick-list options',
          params: IdParams,
          body: CustomFieldPatch,
          response: { 200: CustomField, ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        updateCustomField(deps, { actor: actorOf(request), id: request.params.id, patch: request.body }),
    );
    app.delete(
      '/custom-fields/:id',
      {
        schema: {
          tags,
          summary: 'Remove a custom field definition',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await deleteCustomField(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
