import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { inboxRoutes } from './inbox/routes.ts';
import { simulatorRoutes } from './inbound/simulator-routes.ts';
import { twilioInboundWebhookRoutes } from './inbound/webhook-routes.ts';
import { optOutRoutes } from './opt-outs/routes.ts';

/**
 * Messaging's routes under /api/v1. sms-out registers its own (outbound, numbers, settings,
 * templates) here too; sms-in's: the simulator's beneficiary side, the opt-out ledger, the inbox.
 */
export const messagingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(simulatorRoutes(deps));
    await app.register(optOutRoutes(deps));
    await app.register(inboxRoutes(deps));
  };

/** Provider webhooks, at the root (/api/webhooks/…): the provider's signature is the credential. */
export const messagingWebhookRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(twilioInboundWebhookRoutes(deps));
  };
