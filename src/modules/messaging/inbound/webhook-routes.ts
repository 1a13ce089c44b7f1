import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { problems } from '../../../server/http-schemas.ts';
import { inboundProviderConfig } from './ports.ts';
import { receiveText } from './receive-text.ts';
import { assertTwilioSignature, twimlAnswer } from './twilio-signature.ts';

const tags = ['webhooks'];
const security: never[] = [];
const Field = z.string().max(2000);

/**
 * Twilio's inbound-SMS webhook (spec §1.1). Twilio adds parameters without notice, so the body
 * takes any field (the signature covers them all); the ones used are required and bounded.
 */
const InboundSmsForm = z
  .object({
    MessageSid: z
      .string()
      .max(34)
      .regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, 'Must be a Twilio message id (SM…).'),
    From: z.string().min(1).max(64),
    To: z.string().min(1).max(64),
    Body: z.string().max(1600).default(''),
  })
  .catchall(z.union([Field, z.array(Field).max(20)]));

/**
 * Webhooks live outside /api/v1: no session or API key, the Twilio signature is the credential.
 * The signature is checked before the body's fields (preValidation): unsigned or wrongly signed
 * requests get 403 whatever they carry.
 */
export const twilioInboundWebhookRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    app.post(
      '/api/webhooks/twilio/sms',
      {
        preValidation: async (request) => {
          assertTwilioSignature({
            authToken: inboundProviderConfig(deps).twilioAuthToken,
            baseUrl: deps.config.baseUrl,
            pathAndQuery: request.url,
            signature: request.headers['x-twilio-signature'],
            params: request.body,
          });
        },
        schema: {
          tags,
          security,
          summary: 'Twilio inbound SMS webhook (X-Twilio-Signature); answers TwiML',
          consumes: ['application/x-www-form-urlencoded'],
          headers: z.object({ 'x-twilio-signature': z.string().max(200).optional() }).passthrough(),
          body: InboundSmsForm,
          response: { 200: z.string().describe('TwiML (text/xml)'), ...problems(400, 403, 413) },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const r = await receiveText(deps.db, {
          provider: 'twilio',
          providerMessageId: b.MessageSid,
          from: b.From,
          to: b.To,
          body: b.Body,
        });
        if (r.outcome === 'unknown_number')
          request.log.warn({ to: b.To }, 'inbound text to a number no account has');
        const answer = r.outcome === 'stored' ? (r.reply?.body ?? null) : null;
        return reply.header('content-type', 'text/xml; charset=utf-8').send(twimlAnswer(answer));
      },
    );
  };
