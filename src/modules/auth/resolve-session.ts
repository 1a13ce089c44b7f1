import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.ts';
import { accountIdOfToken, sha256 } from '../../lib/tokens.ts';
import { accounts } from '../accounts/schema.ts';
import type { RequestContext, UserActor } from '../access/actor.ts';
import { securityGroups, users } from '../users/schema.ts';
import { sessions } from './schema.ts';

const TOUCH_AFTER_MS = 60_000;

/**
 * Turn a session cookie into an actor, in one indexed query. A session ends at once when its user
 * is deactivated or deleted (checked here on every request), when it has been idle too long, or at
 * its absolute expiry.
 */
export async function resolveSession(
  deps: Deps,
  token: string,
  ctx: RequestContext,
): Promise<(UserActor & { csrfToken: string }) | null> {
  const accountId = accountIdOfToken(token);
  if (!accountId) return null;
  const { db, config } = deps;
  const idleCutoff = new Date(Date.now() - config.sessionIdleMs);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      mustChangePassword: users.mustChangePassword,
      userType: users.userType,
      sales: users.salesPermissions,
      permissions: securityGroups.permissions,
      accountPackage: accounts.package,
      linked: sql<
        string[]
      >`array(select l.agent_id from user_agent_links l where l.account_id = ${sessions.accountId} and l.user_id = ${sessions.userId} and l.kind = 'linked')`,
      accessible: sql<
        string[]
      >`array(select l.agent_id from user_agent_links l where l.account_id = ${sessions.accountId} and l.user_id = ${sessions.userId} and l.kind = 'accessible')`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.accountId, sessions.accountId), eq(users.id, sessions.userId)))
    .innerJoin(
      securityGroups,
      and(eq(securityGroups.accountId, users.accountId), eq(securityGroups.id, users.securityGroupId)),
    )
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(
        eq(sessions.accountId, accountId),
        eq(sessions.tokenHash, sha256(token)),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, idleCutoff),
        eq(users.active, true),
        isNull(users.deletedAt),
      ),
    );
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` as never })
      .where(and(eq(sessions.accountId, accountId), eq(sessions.id, row.sessionId)));
  }
  return {
    kind: 'user',
    accountId,
    accountPackage: row.accountPackage,
    userId: row.userId,
    sessionId: row.sessionId,
    mustChangePassword: row.mustChangePassword,
    profile: {
      userId: row.userId,
      package: row.accountPackage,
      userType: row.userType,
      group: row.permissions,
      sales: row.sales,
      linkedAgentIds: new Set(row.linked),
      accessibleAgentIds: new Set(row.accessible),
    },
    csrfToken: row.csrfToken,
    ctx,
  };
}
