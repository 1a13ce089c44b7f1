import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { serializerCompiler } from './plugins/serializer.ts';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../lib/zod-messages.ts';
import { ping } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { accountRoutes } from '../modules/accounts/index.ts';
import { activityRoutes, calendarFeedPublicRoutes } from '../modules/activities/index.ts';
import { agentRoutes } from '../modules/agents/index.ts';
import { apiKeyRoutes } from '../modules/api-keys/index.ts';
import { authRoutes } from '../modules/auth/index.ts';
import { commissionRoutes } from '../modules/commissions/index.ts';
import { customFieldRoutes } from '../modules/custom-fields/index.ts';
import { emailRoutes } from '../modules/email/index.ts';
import { fileRoutes } from '../modules/files/index.ts';
import { importRoutes } from '../modules/imports/index.ts';
import { individualRoutes } from '../modules/individuals/index.ts';
import { recordRoutes } from '../modules/record-journal/index.ts';
import { intakeRoutes } from '../modules/intake/index.ts';
import { setupRoutes } from '../modules/onboarding/index.ts';
import { policyRoutes } from '../modules/policies/index.ts';
import { assertRecordTypesExist, recordTypeRoutes } from '../modules/record-types/index.ts';
import { clientSalesRecordRoutes, salesRecordRoutes } from '../modules/sales-records/index.ts';
import { schedulerPublicRoutes, schedulerRoutes } from '../modules/scheduler/index.ts';
import { teamRoutes } from '../modules/teams/index.ts';
import { userAdminRoutes, userRoutes } from '../modules/users/index.ts';
import { auditRoutes } from '../modules/audit-log/index.ts';
import { messagingRoutes, messagingWebhookRoutes } from '../modules/messaging/index.ts';
import { liveRoutes } from '../modules/live/index.ts';
import { formPublicRoutes, formRoutes } from '../modules/forms/index.ts';
import multipart from '@fastify/multipart';
import { openApiTransform, openApiTransformObject } from './openapi-transform.ts';
import { registerBodyTimeout } from './plugins/body-timeout.ts';
import { collectRouteMethods } from './plugins/method-not-allowed.ts';
import { markAuthenticatedRoutes, registerAuth } from './plugins/auth.ts';
import { registerJsonParser, validatorCompiler } from './plugins/validation.ts';
import {
  frameworkError,
  methodNotAllowed,
  registerErrorHandling,
  routeNotFound,
  sendProblem,
} from './plugins/errors.ts';
import { registerWeb } from './web.ts';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string;
};

export type BuildAppOptions = {
  logger?: boolean | object;
  serveWeb?: boolean;
  /** The built web app's folder (tests); web/dist by default. */
  webDist?: string;
};

/**
 * Assemble the HTTP app in three layers: external plugins (cookies, headers, OpenAPI), app plugins
 * (errors, auth), then routes. `deps` carries the database, job queue and config.
 */
export async function buildApp(deps: Deps, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimit,
    requestTimeout: deps.config.requestTimeoutMs,
    trustProxy: deps.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    ajv: undefined,
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is refused with 415 instead of reaching a schema as a string.
  app.removeContentTypeParser('text/plain');
  registerJsonParser(app);
  markAuthenticatedRoutes(app);
  const methodsOf = collectRouteMethods(app);

  // 1. External plugins
  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fields: 10, fileSize: deps.config.fileMaxBytes + 1 } });
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.baseUrl.startsWith('https:') ? [] : null,
      },
    },
    hsts: deps.config.baseUrl.startsWith('https:'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenAMS API',
        version: pkg.version,
        description:
          'The API of OpenAMS, used by the web app and by integrators. Authenticate with the session cookie ' +
          '(plus X-CSRF-Token on unsafe methods) or `Authorization: Bearer <api key>`. Errors are ' +
          'application/problem+json (RFC 9457).',
      },
      servers: [{ url: deps.config.baseUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'openams_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // 2. App plugins
  registerErrorHandling(app);
  registerBodyTimeout(app, { idleMs: deps.config.bodyIdleMs });
  registerAuth(app, deps);

  // 3. Routes
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ready') }) } } },
    async (_req, reply) => {
      try {
        await ping(deps.database);
        return { status: 'ready' as const };
      } catch {
        return sendProblem(reply, { status: 503, detail: 'The database is not reachable.' });
      }
    },
  );
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(setupRoutes(deps));
      await api.register(accountRoutes(deps, { assertRecordTypesExist }));
      await api.register(apiKeyRoutes(deps));
      await api.register(emailRoutes(deps));
      await api.register(userAdminRoutes(deps));
      await api.register(teamRoutes(deps));
      await api.register(agentRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(recordTypeRoutes(deps));
      await api.register(salesRecordRoutes(deps));
      await api.register(individualRoutes(deps));
      await api.register(clientSalesRecordRoutes(deps)); // /individuals/:id/sales-records (decision 042)
      await api.register(recordRoutes(deps));
      await api.register(policyRoutes(deps));
      await api.register(commissionRoutes(deps));
      await api.register(fileRoutes(deps));
      await api.register(customFieldRoutes(deps));
      await api.register(intakeRoutes(deps));
      await api.register(importRoutes(deps));
      await api.register(schedulerRoutes(deps));
      await api.register(activityRoutes(deps));
      await api.register(messagingRoutes(deps));
      await api.register(liveRoutes(deps));
      await api.register(formRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  // Provider webhooks (signed by the provider, no login).
  await app.register(messagingWebhookRoutes(deps));
  // Public pages' APIs (no login: a slug or a link's token), each rate limited.
  await app.register(
    async (pub) => {
      await pub.register(schedulerPublicRoutes(deps));
      await pub.register(calendarFeedPublicRoutes(deps));
      await pub.register(formPublicRoutes(deps));
    },
    { prefix: '/api/public/v1' },
  );

  const webShell = opts.serveWeb === false ? null : await registerWeb(app, opts.webDist ?? WEB_DIST);
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes: any other GET outside /api gets the web app's shell (src/server/web.ts).
    const shell = webShell?.(request, reply);
    if (shell) return shell;
    const path = request.url.split('?')[0]!;
    let decoded = path;
    try {
      decoded = path.split('/').map(decodeURIComponent).join('/');
    } catch {
      /* matched as sent */
    }
    const allowed = methodsOf(decoded);
    if (allowed.length) return methodNotAllowed(request, reply, allowed);
    return routeNotFound(request, reply);
  });
  return app;
}
