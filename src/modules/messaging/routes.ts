import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { inboxRoutes } from './inbox/routes.ts';
import { simulatorRoutes } from './inbound/simulator-routes.ts';
import { twilioInboundWebhookRoutes } from './inbound/webhook-routes.ts';
import { optOutRoutes } from './opt-outs/routes.ts';
import { outboundRoutes } from './outbound/routes.ts';
import { statusWebhookRoutes } from './outbound/status-webhook.ts';
import { phoneNumberRoutes } from './phone-numbers/routes.ts';
import { messagingSettingsRoutes } from './settings/routes.ts';
import { templateRoutes } from './templates/routes.ts';

/**
 * Messaging's API routes under /api/v1: numbers, settings, templates, sending (outbound), the
 * inbox and record timelines, the opt-out ledger, and the simulator's beneficiary side.
 */
export const messagingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(phoneNumberRoutes(deps));
    await app.register(messagingSettingsRoutes(deps));
    await app.register(templateRoutes(deps));
    await app.register(outboundRoutes(deps));
    await app.register(simulatorRoutes(deps));
    await app.register(optOutRoutes(deps));
    await app.register(inboxRoutes(deps));
  };

/** Provider webhooks, at the root (/api/webhooks/…): the provider's signature is the credential. */
export const messagingWebhookRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(statusWebhookRoutes(deps));
    await app.register(twilioInboundWebhookRoutes(deps));
  };
