import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, problems, Timestamp } from '../../server/http-schemas.ts';
import { requestContext, SESSION_COOKIE, userActorOf } from '../../server/plugins/auth.ts';
import { ChangePasswordInput, changePassword } from './change-password.ts';
import { login, LoginInput } from './login.ts';
import { logout } from './logout.ts';
import {
  RequestResetInput,
  requestPasswordReset,
  ResetPasswordInput,
  resetPassword,
} from './password-reset.ts';

export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const secure = deps.config.baseUrl.startsWith('https:');

    app.post(
      '/session',
      {
        config: { auth: false },
        schema: {
          tags: ['session'],
          summary: 'Sign in with username or email; sets the session cookie',
          body: LoginInput,
          response: {
            200: z.object({
              csrfToken: z.string(),
              expiresAt: Timestamp,
              mustChangePassword: z.boolean(),
              userId: z.uuid(),
            }),
            ...problems(400, 401, 403, 429),
          },
        },
      },
      async (request, reply) => {
        const r = await login(deps, { ...request.body, ctx: requestContext(request) });
        reply.setCookie(SESSION_COOKIE, r.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: '/',
          expires: r.expiresAt,
        });
        return {
          csrfToken: r.csrfToken,
          expiresAt: r.expiresAt.toISOString(),
          mustChangePassword: r.user.mustChangePassword,
          userId: r.user.id,
        };
      },
    );

    app.delete(
      '/session',
      {
        config: { allowDuringPasswordChange: true },
        schema: {
          tags: ['session'],
          summary: 'Sign out',
          response: { 204: z.null(), ...problems(...AUTHED) },
        },
      },
      async (request, reply) => {
        await logout(deps, { actor: userActorOf(request) });
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/me/password',
      {
        config: { allowDuringPasswordChange: true },
        schema: {
          tags: ['me'],
          summary: 'Change my password (also ends my other sessions)',
          body: ChangePasswordInput,
          response: { 204: z.null(), ...problems(...AUTHED) },
        },
      },
      async (request, reply) => {
        await changePassword(deps, { actor: userActorOf(request), ...request.body });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/password-resets',
      {
        config: { auth: false },
        schema: {
          tags: ['session'],
          summary: 'Forgot password: email a reset link (answers 202 whether or not the login exists)',
          body: RequestResetInput,
          response: { 202: z.object({ status: z.literal('accepted') }), ...problems(400, 429) },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, { ...request.body, ctx: requestContext(request) });
        return reply.code(202).send({ status: 'accepted' as const });
      },
    );

    app.post(
      '/password-resets/confirm',
      {
        config: { auth: false },
        schema: {
          tags: ['session'],
          summary: 'Set a new password with a reset link token (single use, valid one hour)',
          body: ResetPasswordInput,
          response: { 204: z.null(), ...problems(400, 403, 410) },
        },
      },
      async (request, reply) => {
        await resetPassword(deps, { ...request.body, ctx: requestContext(request) });
        return reply.code(204).send(null);
      },
    );
  };
