import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf, requestContext, SESSION_COOKIE } from '../../server/plugins/auth.ts';
import { login } from '../auth/login.ts';
import {
  getAccount,
  isSetupNeeded,
  LeadIntakeSettingsSchema,
  TemperaturePeriodsSchema,
  UpdateAccountInput,
  updateAccount,
} from './account-settings.ts';
import { CreateAccountInput, createAccount } from './create-account.ts';
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

const SetupInput = CreateAccountInput.extend({
  admin: CreateAccountInput.shape.admin.extend({
    password: CreateAccountInput.shape.admin.shape.password.unwrap(),
  }),
});

export const accountRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/setup',
      {
        config: { auth: false },
        schema: {
          tags: ['setup'],
          summary: 'Whether this installation still needs its first account',
          response: { 200: z.object({ needed: z.boolean() }) },
        },
      },
      async () => ({ needed: await isSetupNeeded(deps) }),
    );

    app.post(
      '/setup',
      {
        config: { auth: false },
        schema: {
          tags: ['setup'],
          summary: 'First run: create the first account and its admin, and sign the admin in',
          body: SetupInput,
          response: {
            201: z.object({ accountId: z.uuid(), userId: z.uuid(), csrfToken: z.string() }),
            ...problems(400, 409),
          },
        },
      },
      async (request, reply) => {
        const ctx = requestContext(request);
        const created = await createAccount(deps.db, request.body, { onlyIfNoAccounts: true, ctx });
        const session = await login(deps, {
          login: created.admin.username,
          password: request.body.admin.password,
          ctx,
        });
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.config.baseUrl.startsWith('https:'),
          path: '/',
          expires: session.expiresAt,
        });
        return reply
          .code(201)
          .send({ accountId: created.account.id, userId: created.admin.id, csrfToken: session.csrfToken });
      },
    );

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
      async (request) => toJson(await updateAccount(deps, { actor: actorOf(request), patch: request.body })),
    );
  };
