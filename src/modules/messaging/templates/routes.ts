import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { AUTHED, IdParams, problems } from '../../../server/http-schemas.ts';
import { actorOf } from '../ports.ts';
import {
  createTemplate,
  deleteTemplate,
  listTemplates,
  mergeFieldList,
  TemplateInput,
  TemplatePatch,
  updateTemplate,
} from './templates.ts';

const MessageTemplate = z
  .object({
    id: z.uuid(),
    name: z.string(),
    channel: z.enum(['sms', 'email']),
    subject: z.string().nullable(),
    body: z.string(),
  })
  .meta({ id: 'MessageTemplate' });
const tags = ['message-templates'];

export const templateRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/message-templates',
      {
        schema: {
          tags,
          summary: 'The account’s message templates (any signed-in user)',
          response: { 200: z.object({ items: z.array(MessageTemplate) }), ...problems(...AUTHED) },
        },
      },
      async (request) => ({ items: await listTemplates(deps, { actor: actorOf(request) }) }),
    );
    app.get(
      '/message-templates/merge-fields',
      {
        schema: {
          tags,
          summary: 'The merge fields a template may use',
          response: {
            200: z.object({
              items: z.array(z.object({ name: z.string(), label: z.string(), token: z.string() })),
            }),
            ...problems(...AUTHED),
          },
        },
      },
      async () => ({ items: mergeFieldList() }),
    );
    app.post(
      '/message-templates',
      {
        schema: {
          tags,
          summary: 'Add a template (account admins); unknown merge fields are refused',
          body: TemplateInput,
          response: { 201: MessageTemplate, ...problems(...AUTHED, 409, 422) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createTemplate(deps, { actor: actorOf(request), input: request.body })),
    );
    app.patch(
      '/message-templates/:id',
      {
        schema: {
          tags,
          summary: 'Change a template (account admins)',
          params: IdParams,
          body: TemplatePatch,
          response: { 200: MessageTemplate, ...problems(...AUTHED, 404, 409, 422) },
        },
      },
      async (request) =>
        updateTemplate(deps, { actor: actorOf(request), id: request.params.id, patch: request.body }),
    );
    app.delete(
      '/message-templates/:id',
      {
        schema: {
          tags,
          summary: 'Delete a template (account admins)',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await deleteTemplate(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
