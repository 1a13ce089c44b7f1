import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { safeEqual } from '../../lib/tokens.ts';
import type { Actor, RequestContext, UserActor } from '../../modules/access/index.ts';
import { authenticateApiKey } from '../../modules/api-keys/index.ts';
import { resolveSession } from '../../modules/auth/index.ts';
import type { UserIdentity } from '../../modules/users/index.ts';
import type { ApiKeyScope } from '../../modules/api-keys/index.ts';

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
    /**
     * API key scopes this route accepts besides `full` (deny by default: a `leads` key reaches only
     * the routes that list it here).
     */
    apiKeyScopes?: readonly ApiKeyScope[];
    /**
     * Set at registration (onRoute) from the route's own URL, never from the request's: true for
     * every route under `/api/v1` that does not opt out with `auth: false`.
     */
    authenticated?: boolean;
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
export const API_PREFIX = '/api/v1/';

/**
 * Marks, when a route is registered, whether it needs credentials: every route whose registered
 * URL is under `/api/v1/` does unless it says `auth: false`. The request hook reads only this flag
 * of the route the router matched, so no spelling of the URL (percent-encoding, `//`, `..`) can
 * reach a route without its check. Register before any route.
 */
export function markAuthenticatedRoutes(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as NonNullable<typeof route.config> & {
      auth?: false;
      authenticated?: boolean;
    };
    route.config = { ...config, authenticated: route.url.startsWith(API_PREFIX) && config.auth !== false };
  });
}

function assertScope(actor: Actor, allowed: readonly ApiKeyScope[] | undefined) {
  if (actor.kind !== 'api_key' || actor.scope === 'full' || allowed?.includes(actor.scope)) return;
  throw new AppError('forbidden', `This API key’s scope (${actor.scope}) does not allow this.`, {
    missing: ['apiKey.scope: full'],
  });
}

export function registerAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('identity', null);
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (request.routeOptions.url?.startsWith(API_PREFIX)) reply.header('cache-control', 'no-store');
    if (config.authenticated !== true) return; // public routes, and unknown ones (404)
    const ctx = requestContext(request);

    const authz = request.headers.authorization;
    if (authz) {
      const [scheme, key] = authz.split(' ', 2);
      const actor =
        scheme?.toLowerCase() === 'bearer' && key ? await authenticateApiKey(deps, key.trim(), ctx) : null;
      if (!actor) throw new AppError('unauthenticated', 'The API key is not valid or has been revoked.');
      assertScope(actor, config.apiKeyScopes); // before any other check of the route
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
