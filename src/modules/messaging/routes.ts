import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { outboundRoutes } from './outbound/routes.ts';
import { phoneNumberRoutes } from './phone-numbers/routes.ts';
import { messagingSettingsRoutes } from './settings/routes.ts';
import { templateRoutes } from './templates/routes.ts';

/** Messaging's API routes under /api/v1 (sms-in adds `inboundRoutes` here). */
export const messagingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(phoneNumberRoutes(deps));
    await app.register(messagingSettingsRoutes(deps));
    await app.register(templateRoutes(deps));
    await app.register(outboundRoutes(deps));
  };

export { statusWebhookRoutes as messagingWebhookRoutes } from './outbound/status-webhook.ts';
