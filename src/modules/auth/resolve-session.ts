import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { tokenLookupPerDatabase } from '../../lib/batcher.ts';
import { accountIdOfToken, sha256 } from '../../lib/tokens.ts';
import { accounts } from '../accounts/schema.ts';
import { securityGroups, users } from '../users/schema.ts';
import type { RequestContext, UserActor } from '../access/index.ts';
import type { UserIdentity } from '../users/index.ts';
import { sessions } from './schema.ts';

const TOUCH_AFTER_MS = 60_000;

/**
 * Turn a session cookie into an actor, in one indexed query. A session ends at once when its user
 * is deactivated or deleted (checked here on every request), when it has been idle too long, or at
 * its absolute expiry.
 */

function buildSessionQuery(db: Db) {
  return db
    .select({
      sessionId: sessions.id,
      accountId: sessions.accountId,
      tokenHash: sessions.tokenHash,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      mustChangePassword: users.mustChangePassword,
      userType: users.userType,
      sales: users.salesPermissions,
      permissions: securityGroups.permissions,
      email: users.email,
      username: users.username,
      firstName: users.firstName,
      lastName: users.lastName,
      timeZone: users.timeZone,
      securityGroupName: securityGroups.name,
      accountName: accounts.name,
      accountPackage: accounts.package,
      accountTimeZone: accounts.timeZone,
      links: sql<
        [string, string][] | null
      >`(select array_agg(array[l.kind, l.agent_id::text]) from user_agent_links l where l.account_id = ${sessions.accountId} and l.user_id = ${sessions.userId})`,
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
        // The batch's (account, token hash) pairs: each pair is one unique-index lookup.
        sql`(${sessions.accountId}, ${sessions.tokenHash}) in (select * from unnest(${sql.placeholder('accountIds')}::uuid[], ${sql.placeholder('tokenHashes')}::text[]))`,
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.active, true),
        isNull(users.deletedAt),
      ),
    )
    .prepare('openams_resolve_session');
}

/**
 * One prepared statement per database (PostgreSQL plans the session join once per connection),
 * run through a micro-batcher: the sessions of requests that arrive together are read by one
 * execution of it (src/lib/batcher.ts — nothing is cached).
 */
const sessionLookup = tokenLookupPerDatabase(buildSessionQuery);

/**
 * Turn a session cookie into an actor, in one prepared, indexed query. A session ends at once when
 * its user is deactivated or deleted (checked here on every request), when it has been idle too
 * long, or at its absolute expiry.
 */
export async function resolveSession(
  deps: Deps,
  token: string,
  ctx: RequestContext,
): Promise<(UserActor & { csrfToken: string; identity: UserIdentity }) | null> {
  const accountId = accountIdOfToken(token);
  if (!accountId) return null;
  const { db, config } = deps;
  const row = await sessionLookup(db)({ accountId, tokenHash: sha256(token) });
  // Idle timeout, checked here rather than in the shared query so each caller applies its own.
  if (!row || Date.now() - row.lastSeenAt.getTime() >= config.sessionIdleMs) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` as never })
      .where(and(eq(sessions.accountId, accountId), eq(sessions.id, row.sessionId)));
  }
  const linkedAgentIds = new Set<string>();
  const accessibleAgentIds = new Set<string>();
  for (const [kind, agentId] of row.links ?? []) {
    (kind === 'linked' ? linkedAgentIds : accessibleAgentIds).add(agentId);
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
      linkedAgentIds,
      accessibleAgentIds,
    },
    csrfToken: row.csrfToken,
    identity: {
      email: row.email,
      username: row.username,
      firstName: row.firstName,
      lastName: row.lastName,
      timeZone: row.timeZone,
      securityGroupName: row.securityGroupName,
      account: {
        id: accountId,
        name: row.accountName,
        package: row.accountPackage,
        timeZone: row.accountTimeZone,
      },
    },
    ctx,
  };
}
