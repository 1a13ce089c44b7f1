import { eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { sessions } from './schema.ts';

export async function logout(deps: Deps, opts: { actor: UserActor }): Promise<void> {
  const { actor } = opts;
  if (!actor.sessionId) return;
  await deps.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ endedAt: sql`now()` as never })
      .where(inAccount(actor, sessions, eq(sessions.id, actor.sessionId!)));
    await recordAudit(tx, actor, {
      type: 'user.logged_out',
      subjectType: 'user',
      subjectId: actor.userId,
      data: {},
    });
  });
}

/** End every open session of a user (optionally keeping one), e.g. after a password change. */
export async function endUserSessions(
  tx: DbOrTx,
  scope: { accountId: string },
  userId: string,
  keepSessionId?: string | null,
): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt: sql`now()` as never })
    .where(
      inAccount(
        scope,
        sessions,
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    );
}
