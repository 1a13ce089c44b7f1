import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../../server/http-schemas.ts';
import { actorOf } from '../ports.ts';
import { MESSAGE_CHANNELS, RECORD_KINDS } from '../schema.ts';
import { cancelMessage } from './cancel-message.ts';
import { getMessage } from './get-message.ts';
import { previewMessage } from './preview-message.ts';
import { MessageSchema, MessagingProblem } from './schemas.ts';
import { SendMessageInput, sendMessage } from './send-message.ts';

const tags = ['messages'];

const PreviewInput = z.strictObject({
  channel: z.enum(MESSAGE_CHANNELS),
  to: z.strictObject({
    type: z.enum(RECORD_KINDS),
    id: z.uuid({ message: 'Must be a valid id.' }).toLowerCase(),
  }),
  body: z.string().max(20_000),
  subject: z.string().max(300).nullable().optional(),
  templateId: z.uuid().toLowerCase().optional(),
  fromPhoneNumberId: z.uuid().toLowerCase().optional(),
  /** Accepted (and ignored) so the compose dialog can preview with the body it will send. */
  whenOutsideWindow: z.enum(['refuse', 'queue']).optional(),
});

const Preview = z
  .object({
    body: z.string(),
    subject: z.string().nullable(),
    segments: z
      .object({
        encoding: z.enum(['GSM-7', 'UCS-2']),
        segments: z.number().int(),
        characters: z.number().int(),
        remainingInSegment: z.number().int(),
      })
      .nullable(),
    problems: z.array(z.object({ code: z.string(), message: z.string() })),
    window: z.object({
      allowed: z.boolean(),
      nextAllowedAt: Timestamp.nullable(),
      reasons: z.array(z.string()),
    }),
    optedOut: z.boolean(),
  })
  .meta({ id: 'MessagePreview' });

export const outboundRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/messages',
      {
        schema: {
          tags,
          summary: 'Text or email a Sales Record, Individual or Agent',
          description:
            '201: the text went to the provider within the request (or the email was queued for SMTP). ' +
            '202: accepted and pending (`sendAfter` says when: window opening, carrier pace). 409 `code`: ' +
            'opted_out (names the ledger entry), outside_window (with `nextAllowedAt`), no_phone_number. ' +
            '422 `code`: invalid_recipient_number, landline, too_long, unknown_merge_field, no_email, no_assignee…',
          body: SendMessageInput,
          response: {
            201: MessageSchema,
            202: MessageSchema,
            ...problems(...AUTHED, 404),
            409: MessagingProblem,
            422: MessagingProblem,
          },
        },
      },
      async (request, reply) => {
        const r = await sendMessage(deps, { actor: actorOf(request), input: request.body });
        return reply.code(r.sent ? 201 : 202).send(toJson(r.message));
      },
    );
    app.post(
      '/messages/preview',
      {
        schema: {
          tags,
          summary: 'What a send would do now: rendered text, segments, problems, windows, consent',
          body: PreviewInput,
          response: { 200: Preview, ...problems(...AUTHED, 404) },
        },
      },
      async (request) => toJson(await previewMessage(deps, { actor: actorOf(request), input: request.body })),
    );
    app.get(
      '/messages/:id',
      {
        schema: {
          tags,
          summary: 'A message with its delivery status history',
          params: IdParams,
          response: { 200: MessageSchema, ...problems(...AUTHED, 404) },
        },
      },
      async (request) => toJson(await getMessage(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.post(
      '/messages/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a pending message (its sender, or an account admin)',
          params: IdParams,
          response: { 200: MessageSchema, ...problems(...AUTHED, 404), 409: MessagingProblem },
        },
      },
      async (request) =>
        toJson(await cancelMessage(deps, { actor: actorOf(request), id: request.params.id })),
    );
  };
