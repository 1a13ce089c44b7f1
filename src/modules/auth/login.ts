import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { dummyPasswordHash, verifyPassword } from '../../lib/passwords.ts';
import { mintAccountToken, randomToken, sha256 } from '../../lib/tokens.ts';
import { accounts } from '../accounts/schema.ts';
import { loginNames, users } from '../users/schema.ts';
import type { RequestContext, SystemActor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { sessions } from './schema.ts';
import { assertNotThrottled, clearThrottle, countThrottled, loginRules } from './throttle.ts';

export const LoginInput = z.strictObject({
  login: z.string().trim().min(1, 'Required.').max(254),
  password: z.string().min(1, 'Required.').max(200),
});

export type LoginResult = {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; accountId: string; mustChangePassword: boolean };
};

const WRONG = 'The login or password is not correct.';

/**
 * Sign in with a username or email. Failures are counted per login (within its account) and per
 * IP; past the limit the answer is 429 with Retry-After, before the password is even checked.
 */
export async function login(
  deps: Deps,
  input: z.infer<typeof LoginInput> & { ctx: RequestContext },
): Promise<LoginResult> {
  const { db, config } = deps;
  const loginName = input.login.toLowerCase();
  const [found] = await db
    .select({ accountId: loginNames.accountId, userId: loginNames.userId })
    .from(loginNames)
    .where(eq(loginNames.login, loginName));
  const rules = loginRules(found?.accountId ?? null, loginName, input.ctx.ip);
  await assertNotThrottled(db, rules, 'Too many failed sign-in attempts. Try again later.');

  const [user] = found
    ? await db
        .select({
          id: users.id,
          accountId: users.accountId,
          passwordHash: users.passwordHash,
          active: users.active,
          deletedAt: users.deletedAt,
          mustChangePassword: users.mustChangePassword,
          accountPackage: accounts.package,
        })
        .from(users)
        .innerJoin(accounts, eq(accounts.id, users.accountId))
        .where(and(eq(users.accountId, found.accountId), eq(users.id, found.userId)))
    : [];

  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || user.deletedAt) {
    await countThrottled(db, rules);
    throw new AppError('unauthenticated', WRONG);
  }
  const actor: SystemActor = {
    kind: 'system',
    accountId: user.accountId,
    accountPackage: user.accountPackage,
    ctx: input.ctx,
  };
  if (!user.active) {
    await db.transaction((tx) =>
      recordAudit(tx, actor, {
        type: 'user.login_refused',
        subjectType: 'user',
        subjectId: user.id,
        data: { reason: 'inactive' },
      }),
    );
    throw new AppError('forbidden', 'This user is inactive (suspended). Ask your agency administrator.');
  }

  const token = mintAccountToken(user.accountId);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + config.sessionMaxAgeMs);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      accountId: user.accountId,
      id: newId(),
      userId: user.id,
      tokenHash: sha256(token),
      csrfToken,
      ip: input.ctx.ip ?? null,
      userAgent: input.ctx.userAgent?.slice(0, 500) ?? null,
      expiresAt,
    });
    await recordAudit(
      tx,
      { ...actor, kind: 'system' },
      {
        type: 'user.logged_in',
        subjectType: 'user',
        subjectId: user.id,
        data: {},
      },
    );
  });
  await clearThrottle(db, [rules[0]!.key]);
  return {
    token,
    csrfToken,
    expiresAt,
    user: { id: user.id, accountId: user.accountId, mustChangePassword: user.mustChangePassword },
  };
}
