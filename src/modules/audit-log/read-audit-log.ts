import { and, desc, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { notFound } from '../../lib/errors.ts';
import type { Actor } from '../access/index.ts';
import { authorize } from '../access/index.ts';
import { users } from '../users/schema.ts';
import { auditEvents } from '../audit/schema.ts';

const Name = z
  .string()
  .max(60)
  .regex(/^[a-z_.]+$/, 'Lower-case letters, dots and underscores, such as sales_record.');

export const AuditLogQuery = z
  .strictObject({
    entityType: Name.optional(),
    entityId: z.uuid({ message: 'Must be a valid id.' }).optional(),
    type: Name.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(500).optional(),
  })
  .refine((q) => !q.entityId || q.entityType, {
    path: ['entityType'],
    message: 'Required with entityId.',
  });
const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

/**
 * The account's audit trail for admins (task users.manage, the Administrative permission that gates
 * every agency setting), newest first. With an entity: every event about it and every event linked
 * to it (a Sales Record's policies, activities, notes, files) — whether the entity still exists,
 * is deleted, or was purged (its `sales_record.purged` event carries what it was). An entity with
 * no event in the account is not found (404), like another account's.
 */
export async function readAuditLog(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; query: z.infer<typeof AuditLogQuery> },
) {
  const { actor, query } = opts;
  authorize(actor, 'users.manage');
  const c = query.cursor ? decodeCursor(query.cursor, Cursor) : null;
  const entity =
    query.entityType && query.entityId
      ? or(
          and(eq(auditEvents.subjectType, query.entityType), eq(auditEvents.subjectId, query.entityId)),
          and(
            eq(auditEvents.recordType, query.entityType as 'sales_record'),
            eq(auditEvents.recordId, query.entityId),
          ),
        )
      : query.entityType
        ? eq(auditEvents.subjectType, query.entityType)
        : undefined;
  const rows = await deps.db
    .select({
      id: auditEvents.id,
      type: auditEvents.type,
      occurredAt: auditEvents.occurredAt,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      recordType: auditEvents.recordType,
      recordId: auditEvents.recordId,
      data: auditEvents.data,
      actorApiKeyId: auditEvents.actorApiKeyId,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      actor: { id: users.id, firstName: users.firstName, lastName: users.lastName },
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.accountId, auditEvents.accountId), eq(users.id, auditEvents.actorUserId)))
    .where(
      inAccount(
        actor,
        auditEvents,
        entity,
        query.type ? eq(auditEvents.type, query.type) : undefined,
        c ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${new Date(c.t)}, ${c.id})` : undefined,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(query.limit + 1);
  if (query.entityId && !c && rows.length === 0) throw notFound('Audit trail');
  const items = rows.slice(0, query.limit);
  const tail = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > query.limit && tail
        ? encodeCursor({ t: tail.occurredAt.toISOString(), id: tail.id })
        : null,
  };
}
