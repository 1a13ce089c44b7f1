import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { AUTHED, problems } from '../../../server/http-schemas.ts';
import { actorOf } from '../ports.ts';
import { getMessagingSettings, MessagingSettingsPatch, updateMessagingSettings } from './settings.ts';

const MessagingSettings = z
  .object({
    helpText: z.string().nullable(),
    optOutConfirmation: z.string().nullable(),
    senderWindowStart: z.string(),
    senderWindowEnd: z.string(),
    perNumberPerSecond: z.number().int(),
    brandDailyCap: z.number().int(),
  })
  .meta({ id: 'MessagingSettings' });
const tags = ['messaging-settings'];

export const messagingSettingsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/messaging/settings',
      {
        schema: {
          tags,
          summary: 'The account’s messaging settings: HELP text, opt-out confirmation, sender window, pacing',
          response: { 200: MessagingSettings, ...problems(...AUTHED) },
        },
      },
      async (request) => getMessagingSettings(deps, { actor: actorOf(request) }),
    );
    app.patch(
      '/messaging/settings',
      {
        schema: {
          tags,
          summary: 'Change the messaging settings (account admins)',
          body: MessagingSettingsPatch,
          response: { 200: MessagingSettings, ...problems(...AUTHED) },
        },
      },
      async (request) => updateMessagingSettings(deps, { actor: actorOf(request), patch: request.body }),
    );
  };
