import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { tokenLookupPerDatabase } from '../../lib/batcher.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, parseInput } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { accountIdOfToken, mintAccountToken, sha256 } from '../../lib/tokens.ts';
import { accounts } from '../accounts/schema.ts';
import { requireAccountAdmin, type Actor, type ApiKeyActor, type RequestContext } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { API_KEY_SCOPES, apiKeys } from './schema.ts';

const PREFIX = 'oams_';
const TOUCH_AFTER_MS = 60_000;

export const CreateApiKeyInput = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(100),
  scope: z.enum(API_KEY_SCOPES).default('full'),
});

const publicColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  scope: apiKeys.scope,
  displayPrefix: apiKeys.displayPrefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** Create a key; the secret is returned this once and only its hash is kept. */
export async function createApiKey(deps: Deps, opts: { actor: Actor } & z.input<typeof CreateApiKeyInput>) {
  const { actor } = opts;
  requireAccountAdmin(actor);
  const input = parseInput(CreateApiKeyInput, { name: opts.name, scope: opts.scope });
  const key = PREFIX + mintAccountToken(actor.accountId, 24);
  const id = newId();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        accountId: actor.accountId,
        id,
        name: input.name,
        scope: input.scope,
        tokenHash: sha256(key),
        displayPrefix: `${PREFIX}…${key.slice(-6)}`,
        createdByUserId: actor.kind === 'user' ? actor.userId : null,
      })
      .returning(publicColumns);
    await recordAudit(tx, actor, {
      type: 'api_key.created',
      subjectType: 'api_key',
      subjectId: id,
      data: { name: input.name, scope: input.scope },
    });
    return { ...row!, key };
  });
}

export async function listApiKeys(deps: Deps, opts: { actor: Actor }) {
  requireAccountAdmin(opts.actor);
  return deps.db
    .select(publicColumns)
    .from(apiKeys)
    .where(inAccount(opts.actor, apiKeys))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(deps: Deps, opts: { actor: Actor; id: string }) {
  const { actor } = opts;
  requireAccountAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` as never })
      .where(inAccount(actor, apiKeys, eq(apiKeys.id, opts.id)))
      .returning(publicColumns);
    if (!row) throw notFound('API key');
    await recordAudit(tx, actor, {
      type: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: row.id,
      data: { name: row.name },
    });
    return row;
  });
}

/** The live keys of a batch of (account, hash) pairs, with their account's package. */
function buildKeyQuery(db: Db) {
  return db
    .select({
      id: apiKeys.id,
      accountId: apiKeys.accountId,
      tokenHash: apiKeys.tokenHash,
      scope: apiKeys.scope,
      lastUsedAt: apiKeys.lastUsedAt,
      accountPackage: accounts.package,
    })
    .from(apiKeys)
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .where(
      and(
        sql`(${apiKeys.accountId}, ${apiKeys.tokenHash}) in (select * from unnest(${sql.placeholder('accountIds')}::uuid[], ${sql.placeholder('tokenHashes')}::text[]))`,
        isNull(apiKeys.revokedAt),
      ),
    )
    .prepare('openams_resolve_api_key');
}
/** Keys of requests that arrive together are read by one prepared query (as sessions, decision 014). */
const keyLookup = tokenLookupPerDatabase(buildKeyQuery);

/** `Authorization: Bearer oams_…` → the account's actor with the key's scope, or null. */
export async function authenticateApiKey(
  deps: Deps,
  key: string,
  ctx: RequestContext,
): Promise<ApiKeyActor | null> {
  if (!key.startsWith(PREFIX)) return null;
  const accountId = accountIdOfToken(key.slice(PREFIX.length));
  if (!accountId) return null;
  const row = await keyLookup(deps.db)({ accountId, tokenHash: sha256(key) });
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await deps.db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` as never })
      .where(and(eq(apiKeys.accountId, accountId), eq(apiKeys.id, row.id)));
  }
  return {
    kind: 'api_key',
    accountId,
    accountPackage: row.accountPackage,
    apiKeyId: row.id,
    scope: row.scope,
    ctx,
  };
}

export function assertKeyScope(actor: Actor, needed: 'full'): void {
  if (actor.kind === 'api_key' && actor.scope !== needed) {
    throw new AppError('forbidden', `This API key’s scope (${actor.scope}) does not allow this.`, {
      missing: [`apiKey.scope: ${needed}`],
    });
  }
}
