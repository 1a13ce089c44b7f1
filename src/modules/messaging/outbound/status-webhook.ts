import twilio from 'twilio';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { sendProblem } from '../../../server/plugins/errors.ts';
import { messagingConfig } from '../providers/index.ts';
import { applyDeliveryStatus } from './apply-delivery-status.ts';
import { STATUS_CALLBACK_PATH } from './engine.ts';

/** Twilio signs the URL it called: ours, rebuilt from BASE_URL (never from request headers). */
export const publicUrlOf = (baseUrl: string, requestUrl: string) => baseUrl + requestUrl;

const StatusForm = z.record(
  z.string().max(200),
  z.union([z.string().max(5000), z.array(z.string().max(5000)).max(20)]),
);

/**
 * Twilio's status callback (form-encoded, X-Twilio-Signature over the URL and every posted
 * parameter, checked with the package's `validateRequest`): unsigned or wrong → 403, nothing
 * applied. A valid callback goes through `applyDeliveryStatus` (each state once, never backwards).
 */
export const statusWebhookRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    app.post(
      STATUS_CALLBACK_PATH,
      {
        config: { auth: false },
        schema: {
          tags: ['webhooks'],
          summary: 'Twilio message status callback (signed)',
          body: StatusForm,
          response: { 204: z.null(), 403: z.any() },
        },
      },
      async (request, reply) => {
        const token = messagingConfig().twilio?.authToken;
        const signature = request.headers['x-twilio-signature'];
        const params = request.body as Record<string, string>;
        const url = publicUrlOf(deps.config.baseUrl, request.url);
        if (!token || typeof signature !== 'string' || !twilio.validateRequest(token, signature, url, params))
          return sendProblem(reply, {
            status: 403,
            detail: 'The request is not signed by Twilio for this URL.',
          });
        const sid = params.MessageSid ?? params.SmsSid;
        const status = params.MessageStatus ?? params.SmsStatus;
        if (typeof sid === 'string' && typeof status === 'string')
          await applyDeliveryStatus(deps.db, {
            provider: 'twilio',
            providerMessageId: sid,
            status,
            errorCode: typeof params.ErrorCode === 'string' ? params.ErrorCode : null,
            raw: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
          });
        return reply.code(204).send(null);
      },
    );
  };
