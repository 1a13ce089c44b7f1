// A user's links to Agent Records (Linked: the user is that agent; Accessible: the user sees that
// agent's records). The agents module owns the links; the users module edits them through these.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { type AgentLinkKind, userAgentLinks } from './schema.ts';

/** The user's agent ids of one kind, or of both kinds, in one query. */
export async function agentLinksOf(
  db: DbOrTx,
  scope: AccountScope,
  userId: string,
  kind?: AgentLinkKind,
): Promise<{ linked: string[]; accessible: string[] }> {
  const rows = await db
    .select({ agentId: userAgentLinks.agentId, kind: userAgentLinks.kind })
    .from(userAgentLinks)
    .where(
      inAccount(
        scope,
        userAgentLinks,
        eq(userAgentLinks.userId, userId),
        kind ? eq(userAgentLinks.kind, kind) : undefined,
      ),
    );
  return {
    linked: rows.filter((l) => l.kind === 'linked').map((l) => l.agentId),
    accessible: rows.filter((l) => l.kind === 'accessible').map((l) => l.agentId),
  };
}

/** Replace the user's links of one kind. */
export async function setAgentLinks(
  tx: DbOrTx,
  scope: AccountScope,
  userId: string,
  kind: AgentLinkKind,
  agentIds: string[],
): Promise<void> {
  await tx
    .delete(userAgentLinks)
    .where(
      inAccount(scope, userAgentLinks, eq(userAgentLinks.userId, userId), eq(userAgentLinks.kind, kind)),
    );
  const unique = [...new Set(agentIds)];
  if (unique.length)
    await tx
      .insert(userAgentLinks)
      .values(unique.map((agentId) => ({ accountId: scope.accountId, userId, agentId, kind })));
}

/** The user's first Linked Agent (by id), e.g. the Servicing Agent of a record they converted. */
export async function firstLinkedAgentOf(db: DbOrTx, scope: AccountScope, userId: string) {
  const [link] = await db
    .select({ agentId: userAgentLinks.agentId })
    .from(userAgentLinks)
    .where(
      inAccount(scope, userAgentLinks, eq(userAgentLinks.userId, userId), eq(userAgentLinks.kind, 'linked')),
    )
    .orderBy(asc(userAgentLinks.agentId))
    .limit(1);
  return link?.agentId ?? null;
}
