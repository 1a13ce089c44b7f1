import formbody from '@fastify/formbody';
import { desc, lt, or, and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { AUTHED, page, PageQuery, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf, requestContext } from '../../server/plugins/auth.ts';
import { authorize, type Actor } from '../access/index.ts';
import { LEAD_FIELDS } from './lead-fields.ts';
import { postLead } from './post-lead.ts';
import { leadPosts } from './schema.ts';

const Answer = z
  .object({
    outcome: z.enum(['created', 'duplicate', 'updated']),
    recordKind: z.enum(['sales_record', 'individual']),
    id: z.uuid(),
    matchedOn: z.string().nullable(),
  })
  .meta({ id: 'LeadPostResult' });
const tags = ['inbound-leads'];
const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

async function listLeadPosts(deps: Deps, actor: Actor, q: z.infer<typeof PageQuery>) {
  authorize(actor, 'users.manage');
  const c = q.cursor ? decodeCursor(q.cursor, Cursor) : null;
  const rows = await deps.db
    .select({
      id: leadPosts.id,
      receivedAt: leadPosts.receivedAt,
      apiKeyId: leadPosts.apiKeyId,
      contentType: leadPosts.contentType,
      outcome: leadPosts.outcome,
      httpStatus: leadPosts.httpStatus,
      recordKind: leadPosts.recordKind,
      recordId: leadPosts.recordId,
      matchedOn: leadPosts.matchedOn,
      idempotencyKey: leadPosts.idempotencyKey,
      fields: leadPosts.fields,
      errors: leadPosts.errors,
    })
    .from(leadPosts)
    .where(
      inAccount(
        actor,
        leadPosts,
        c
          ? or(
              lt(leadPosts.receivedAt, new Date(c.t)),
              and(eq(leadPosts.receivedAt, new Date(c.t)), lt(leadPosts.id, c.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(leadPosts.receivedAt), desc(leadPosts.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const tail = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > q.limit && tail ? encodeCursor({ t: tail.receivedAt.toISOString(), id: tail.id }) : null,
  };
}

export const intakeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // Form posts are accepted here only: lead vendors and website forms send them.
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    app.post(
      '/inbound/leads',
      {
        config: { apiKeyScopes: ['leads'] },
        schema: {
          tags,
          summary:
            'Post a lead (application/x-www-form-urlencoded or JSON) with an API key; firstName and lastName required',
          description: `Fields: ${LEAD_FIELDS.map((f) => f.key).join(', ')}, and note (repeatable). Send Idempotency-Key to make retries safe.`,
          headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }).passthrough(),
          body: z.record(z.string().max(100), z.unknown()),
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          response: { 200: Answer, 201: Answer, ...problems(...AUTHED, 422) },
        },
      },
      async (request, reply) => {
        const answer = await postLead(deps, {
          actor: actorOf(request),
          body: request.body,
          contentType: request.headers['content-type'],
          idempotencyKey: request.headers['idempotency-key'] as string | undefined,
          ip: requestContext(request).ip,
        });
        return reply.code(answer.status as 200 | 201).send(answer.body);
      },
    );
    app.get(
      '/inbound/leads/log',
      {
        schema: {
          tags,
          summary: 'Every lead post with its outcome, newest first (Manage Users)',
          querystring: PageQuery,
          response: {
            200: page(
              z.object({
                id: z.uuid(),
                receivedAt: Timestamp,
                apiKeyId: z.uuid().nullable(),
                contentType: z.string().nullable(),
                outcome: z.string(),
                httpStatus: z.number().int(),
                recordKind: z.string().nullable(),
                recordId: z.uuid().nullable(),
                matchedOn: z.string().nullable(),
                idempotencyKey: z.string().nullable(),
                fields: z.record(z.string(), z.unknown()),
                errors: z.array(z.object({ path: z.string(), message: z.string() })),
              }),
            ),
            ...problems(...AUTHED),
          },
        },
      },
      async (request) => toJson(await listLeadPosts(deps, actorOf(request), request.query)),
    );
  };
