import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { AUTHED, IdParams, page, problems, toJson } from '../../../server/http-schemas.ts';
import { actorOf } from '../../../server/plugins/auth.ts';
import type { RecordKind } from '../schema.ts';
import { resolveRevocation } from '../opt-outs/resolve-revocation.ts';
import { createLeadFromMessage, CreateLeadInput } from './create-lead.ts';
import { MessageSchema } from './http-schemas.ts';
import { countUnread, InboxQuery, listInbox } from './list-inbox.ts';
import { markAllRead, markMessageRead } from './mark-read.ts';
import { listRecordMessages, TimelineQuery } from './record-messages.ts';

const tags = ['messages'];
const RECORD_PATHS: [string, RecordKind, string][] = [
  ['sales-records', 'sales_record', 'Sales Record'],
  ['individuals', 'individual', 'Individual'],
  ['agents', 'agent', 'Agent'],
];

/** Record timelines, the account inbox, unread counts, read marks, leads from unknown senders. */
export const inboxRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const [path, kind, label] of RECORD_PATHS) {
      app.get(
        `/${path}/:id/messages`,
        {
          schema: {
            tags,
            summary: `A ${label}’s texts and emails, newest first (sms.history.${kind})`,
            params: IdParams,
            querystring: TimelineQuery,
            response: { 200: page(MessageSchema), ...problems(...AUTHED, 404) },
          },
        },
        async (request) =>
          toJson(
            await listRecordMessages(deps, {
              actor: actorOf(request),
              kind,
              id: request.params.id,
              query: request.query,
            }),
          ),
      );
    }
    app.get(
      '/messages',
      {
        schema: {
          tags,
          summary: 'The Messages page: every text you may see, newest first (View Messages Tab)',
          querystring: InboxQuery,
          response: { 200: page(MessageSchema), ...problems(...AUTHED) },
        },
      },
      async (request) => toJson(await listInbox(deps, { actor: actorOf(request), query: request.query })),
    );
    app.get(
      '/messages/unread-count',
      {
        schema: {
          tags,
          summary: 'How many inbound texts you may see are unread (the header badge)',
          response: { 200: z.object({ count: z.number().int() }), ...problems(...AUTHED) },
        },
      },
      async (request) => countUnread(deps, { actor: actorOf(request) }),
    );
    app.post(
      '/messages/read-all',
      {
        schema: {
          tags,
          summary: 'Mark every unread text you may see read',
          response: { 200: z.object({ count: z.number().int() }), ...problems(...AUTHED) },
        },
      },
      async (request) => markAllRead(deps, { actor: actorOf(request) }),
    );
    app.post(
      '/messages/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark an inbound text read',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await markMessageRead(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/messages/:id/create-lead',
      {
        schema: {
          tags,
          summary: 'Create a Sales Record from an unknown sender’s number and link their texts to it',
          params: IdParams,
          body: CreateLeadInput,
          response: {
            201: z.object({ salesRecordId: z.uuid(), linkedMessages: z.number().int() }),
            ...problems(...AUTHED, 404, 409, 422),
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await createLeadFromMessage(deps, {
            actor: actorOf(request),
            id: request.params.id,
            input: request.body,
          }),
        ),
    );
    for (const [path, decision] of [
      ['confirm-revocation', 'confirmed'],
      ['dismiss-revocation', 'dismissed'],
    ] as const) {
      app.post(
        `/messages/:id/${path}`,
        {
          schema: {
            tags,
            summary:
              decision === 'confirmed'
                ? 'Confirm a text flagged as a likely revocation of consent: an opt-out from now on'
                : 'Dismiss a text flagged as a likely revocation of consent',
            params: IdParams,
            response: { 200: MessageSchema, ...problems(...AUTHED, 404, 409) },
          },
        },
        async (request) =>
          toJson(await resolveRevocation(deps, { actor: actorOf(request), id: request.params.id, decision })),
      );
    }
  };
