import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, page, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { AuditLogQuery, readAuditLog } from './read-audit-log.ts';

const AuditLogEvent = z
  .object({
    id: z.uuid(),
    type: z.string(),
    occurredAt: Timestamp,
    subjectType: z.string(),
    subjectId: z.uuid(),
    recordType: z.enum(['sales_record', 'individual']).nullable(),
    recordId: z.uuid().nullable(),
    data: z.record(z.string(), z.unknown()),
    actor: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
    actorApiKeyId: z.uuid().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'AuditLogEvent' });

export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit-log',
      {
        schema: {
          tags: ['audit'],
          summary:
            'The audit trail, newest first (admins: Manage Users). With entityType and entityId: everything about that entity and linked to it — also for deleted and purged Sales Records',
          querystring: AuditLogQuery,
          response: { 200: page(AuditLogEvent), ...problems(...AUTHED, 404) },
        },
      },
      async (request) => toJson(await readAuditLog(deps, { actor: actorOf(request), query: request.query })),
    );
  };
