import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Password } from '../../lib/fields.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { passwordHashOf, setPasswordHash } from '../users/index.ts';
import type { UserActor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { endUserSessions } from './logout.ts';

export const ChangePasswordInput = z
  .strictObject({ currentPassword: z.string().min(1, 'Required.').max(200), newPassword: Password })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: 'The new password must differ from the current one.',
  });

/** Change one's own password; ends the user's other sessions and clears a forced change. */
export async function changePassword(
  deps: Deps,
  opts: { actor: UserActor } & z.infer<typeof ChangePasswordInput>,
): Promise<void> {
  const { actor } = opts;
  const currentHash = await passwordHashOf(deps.db, actor, actor.userId);
  if (!currentHash) throw new AppError('unauthenticated', 'Sign in again.');
  if (!(await verifyPassword(currentHash, opts.currentPassword))) {
    throw new AppError('validation', 'The current password is not correct.', {
      errors: [{ path: 'currentPassword', message: 'Not correct.' }],
    });
  }
  const passwordHash = await hashPassword(opts.newPassword);
  await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, actor, actor.userId, passwordHash);
    await endUserSessions(tx, actor, actor.userId, actor.sessionId);
    await recordAudit(tx, actor, {
      type: 'user.password_changed',
      subjectType: 'user',
      subjectId: actor.userId,
      data: { via: 'change' },
    });
  });
}
