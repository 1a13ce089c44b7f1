import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, page, PageQuery, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { getEmail, listEmails } from './list-emails.ts';
import { EMAIL_STATUSES } from './schema.ts';

const EmailSummary = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    toAddress: z.string(),
    subject: z.string(),
    status: z.enum(EMAIL_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
  })
  .meta({ id: 'EmailSummary' });

export const emailRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/emails',
      {
        schema: {
          tags: ['emails'],
          summary: 'The outbox: emails sent to this account’s users, newest first (Manage Users)',
          querystring: PageQuery,
          response: { 200: page(EmailSummary), ...problems(...AUTHED) },
        },
      },
      async (request) => toJson(await listEmails(deps, { actor: actorOf(request), ...request.query })),
    );
    app.get(
      '/emails/:id',
      {
        schema: {
          tags: ['emails'],
          summary: 'One email with its body',
          params: IdParams,
          response: {
            200: EmailSummary.extend({ textBody: z.string(), htmlBody: z.string().nullable() }),
            ...problems(...AUTHED, 404),
          },
        },
      },
      async (request) => toJson(await getEmail(deps, { actor: actorOf(request), id: request.params.id })),
    );
  };
