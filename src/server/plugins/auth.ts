import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { safeEqual } from '../../lib/tokens.ts';
import type { Actor, RequestContext, UserActor } from '../../modules/access/index.ts';
import { authenticateApiKey } from '../../modules/api-keys/index.ts';
import { resolveSession, type UserIdentity } from '../../modules/auth/index.ts';

export const SESSION_COOKIE = 'openams_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session's CSRF token (cookie sessions only), returned by GET /me. */
    csrfToken: string | null;
    /** What the session query read about the signed-in user (cookie sessions only). */
    identity: UserIdentity | null;
  }
  interface FastifyContextConfig {
    /** false: no credentials needed (login, setup, reset). Default: required. */
    auth?: false;
    /** Reachable by a user who must still change a temporary password. */
    allowDuringPasswordChange?: boolean;
  }
}

export const requestContext = (request: FastifyRequest): RequestContext => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

/**
 * Resolves the actor once per `/api/v1` request: a session cookie (with CSRF check on unsafe
 * methods) or `Authorization: Bearer <api key>`. Handlers read `request.actor`.
 */
export function registerAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('identity', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || !request.routeOptions.url) return; // unknown routes: 404
    const config = request.routeOptions.config;
    if (config.auth === false) return;
    const ctx = requestContext(request);

    const authz = request.headers.authorization;
    if (authz) {
      const [scheme, key] = authz.split(' ', 2);
      const actor =
        scheme?.toLowerCase() === 'bearer' && key ? await authenticateApiKey(deps, key.trim(), ctx) : null;
      if (!actor) throw new AppError('unauthenticated', 'The API key is not valid or has been revoked.');
      request.actor = actor;
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await resolveSession(deps, token, ctx) : null;
    if (!actor) throw new AppError('unauthenticated', 'Sign in to continue.');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, actor.csrfToken)) {
        throw new AppError(
          'forbidden',
          'The X-CSRF-Token header is missing or does not match this session.',
          {
            missing: ['X-CSRF-Token'],
          },
        );
      }
    }
    if (actor.mustChangePassword && !config.allowDuringPasswordChange) {
      throw new AppError('password_change_required', 'Change your temporary password before continuing.');
    }
    const { csrfToken, identity, ...userActor } = actor;
    request.actor = userActor;
    request.csrfToken = csrfToken;
    request.identity = identity;
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.actor;
}

export function userActorOf(request: FastifyRequest): UserActor {
  const actor = actorOf(request);
  if (actor.kind !== 'user')
    throw new AppError('forbidden', 'This endpoint is for signed-in users, not API keys.');
  return actor;
}
