import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Password } from '../../lib/fields.ts';
import { newId } from '../../lib/ids.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { accountIdOfToken, mintAccountToken, sha256 } from '../../lib/tokens.ts';
import { accounts } from '../accounts/schema.ts';
import { loginNames, users } from '../users/schema.ts';
import type { RequestContext, SystemActor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../email/index.ts';
import { endUserSessions } from './logout.ts';
import { passwordResets } from './schema.ts';
import { assertNotThrottled, countThrottled, resetRequestRules } from './throttle.ts';

export const RESET_LINK_TTL_MS = 60 * 60_000;

export const RequestResetInput = z.strictObject({ login: z.string().trim().min(1, 'Required.').max(254) });
export const ResetPasswordInput = z.strictObject({
  token: z.string().min(1, 'Required.').max(200),
  newPassword: Password,
});

/**
 * Forgot password: email a single-use link valid one hour. The answer never says whether the
 * login exists; requests are throttled per login and per IP.
 */
export async function requestPasswordReset(
  deps: Deps,
  input: z.infer<typeof RequestResetInput> & { ctx: RequestContext },
): Promise<void> {
  const login = input.login.toLowerCase();
  const rules = resetRequestRules(login, input.ctx.ip);
  await assertNotThrottled(deps.db, rules, 'Too many reset requests. Try again later.');
  await countThrottled(deps.db, rules);
  const [u] = await deps.db
    .select({
      accountId: users.accountId,
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      active: users.active,
      deletedAt: users.deletedAt,
      accountPackage: accounts.package,
    })
    .from(loginNames)
    .innerJoin(users, and(eq(users.accountId, loginNames.accountId), eq(users.id, loginNames.userId)))
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(loginNames.login, login));
  if (!u || !u.active || u.deletedAt) return;

  const token = mintAccountToken(u.accountId);
  const link = `${deps.config.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
  const actor: SystemActor = {
    kind: 'system',
    accountId: u.accountId,
    accountPackage: u.accountPackage,
    ctx: input.ctx,
  };
  const email = await deps.db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      accountId: u.accountId,
      id: newId(),
      userId: u.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + RESET_LINK_TTL_MS),
    });
    await recordAudit(tx, actor, {
      type: 'user.password_reset_requested',
      subjectType: 'user',
      subjectId: u.id,
      data: {},
    });
    return queueEmail(tx, u.accountId, {
      kind: 'password_reset',
      to: u.email,
      subject: 'Reset your OpenAMS password',
      text:
        `Hello ${u.firstName},\n\nSomeone (hopefully you) asked to reset your OpenAMS password.\n` +
        `Open this link within one hour to choose a new one:\n\n${link}\n\n` +
        `The link works once. If you did not ask for it, ignore this email.\n`,
    });
  });
  await email.dispatch(deps);
}

/** Use a reset link: sets the password, ends every session of the user, spends the link. */
export async function resetPassword(
  deps: Deps,
  input: z.infer<typeof ResetPasswordInput> & { ctx: RequestContext },
) {
  const accountId = accountIdOfToken(input.token);
  const invalid = () =>
    new AppError('validation', 'This reset link is not valid.', {
      errors: [{ path: 'token', message: 'Not a valid reset link.' }],
    });
  if (!accountId) throw invalid();
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.accountId, accountId), eq(passwordResets.tokenHash, sha256(input.token))))
      .for('update');
    if (!reset) throw invalid();
    if (reset.usedAt) throw new AppError('gone', 'This reset link has already been used. Ask for a new one.');
    if (reset.expiresAt.getTime() <= Date.now())
      throw new AppError('gone', 'This reset link has expired. Ask for a new one.');
    const [account] = await tx
      .select({ package: accounts.package })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    const actor: SystemActor = {
      kind: 'system',
      accountId,
      accountPackage: account!.package,
      ctx: input.ctx,
    };
    const updated = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: sql`now()` as never,
        updatedAt: sql`now()` as never,
      })
      .where(
        and(
          eq(users.accountId, accountId),
          eq(users.id, reset.userId),
          eq(users.active, true),
          isNull(users.deletedAt),
        ),
      )
      .returning({ id: users.id });
    if (updated.length === 0)
      throw new AppError('forbidden', 'This user is inactive. Ask your agency administrator.');
    await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` as never })
      .where(
        and(
          eq(passwordResets.accountId, accountId),
          eq(passwordResets.userId, reset.userId),
          isNull(passwordResets.usedAt),
        ),
      );
    await endUserSessions(tx, actor, reset.userId);
    await recordAudit(tx, actor, {
      type: 'user.password_changed',
      subjectType: 'user',
      subjectId: reset.userId,
      data: { via: 'reset' },
    });
  });
}
