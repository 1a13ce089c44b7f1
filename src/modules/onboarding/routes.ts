import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { problems } from '../../server/http-schemas.ts';
import { requestContext, SESSION_COOKIE } from '../../server/plugins/auth.ts';
import { isSetupNeeded } from '../accounts/index.ts';
import { login } from '../auth/index.ts';
import { CreateAccountInput, createAccount } from './create-account.ts';

const SetupInput = CreateAccountInput.extend({
  admin: CreateAccountInput.shape.admin.extend({
    password: CreateAccountInput.shape.admin.shape.password.unwrap(),
  }),
});

// First run: the installation's first account and its admin.
export const setupRoutes =
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
  };
