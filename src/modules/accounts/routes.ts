import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import {
  type AccountSettingsChecks,
  getAccount,
  LeadIntakeSettingsSchema,
  TemperaturePeriodsSchema,
  UpdateAccountInput,
  updateAccount,
} from './account-settings.ts';
import { PACKAGES } from './schema.ts';

const AccountSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    package: z.enum(PACKAGES),
    timeZone: z.string(),
    createdAt: Timestamp,
    defaultRecordTypeId: z.uuid().nullable(),
    customFieldLabels: z.array(z.string()),
    temperaturePeriods: TemperaturePeriodsSchema,
    leadIntake: LeadIntakeSettingsSchema,
  })
  .meta({ id: 'Account' });

export const accountRoutes =
  (deps: Deps, checks: AccountSettingsChecks): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/account',
      {
        schema: {
          tags: ['account'],
          summary: 'My account',
          response: { 200: AccountSchema, ...problems(...AUTHED) },
        },
      },
      async (request) => toJson(await getAccount(deps, { actor: actorOf(request) })),
    );

    app.patch(
      '/account',
      {
        schema: {
          tags: ['account'],
          summary: 'Edit account settings (Manage Users)',
          body: UpdateAccountInput,
          response: { 200: AccountSchema, ...problems(...AUTHED) },
        },
      },
      async (request) =>
        toJson(await updateAccount(deps, { actor: actorOf(request), patch: request.body, checks })),
    );
  };
