import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError, parseInput } from '../../lib/errors.ts';
import { Email, Password, PersonName, TimeZone, Username } from '../../lib/fields.ts';
import { newId } from '../../lib/ids.ts';
import { generateTemporaryPassword, hashPassword } from '../../lib/passwords.ts';
import { securityGroups } from '../users/schema.ts';
import { PACKAGES } from '../accounts/index.ts';
import { accounts } from '../accounts/schema.ts';
import { fullSalesPermissions, type SystemActor } from '../access/index.ts';
import { seedDefaultActivitySettings } from '../activities/index.ts';
import { recordAudit } from '../audit/index.ts';
import { seedDefaultRecordTypes } from '../record-types/index.ts';
import { ALL_PERMISSIONS, insertUserWithLogins } from '../users/index.ts';

export const CreateAccountInput = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(200),
  package: z.enum(PACKAGES),
  timeZone: TimeZone.default('America/New_York'),
  admin: z.strictObject({
    email: Email,
    username: Username,
    firstName: PersonName.default('Account'),
    lastName: PersonName.default('Admin'),
    password: Password.optional(),
    timeZone: TimeZone.optional(),
  }),
});
export type CreateAccountInput = z.input<typeof CreateAccountInput>;

export type CreatedAccount = {
  account: { id: string; name: string; package: string; timeZone: string };
  admin: { id: string; username: string; email: string; securityGroupId: string };
  /** Present when no password was given: the admin must change it at first login. */
  temporaryPassword?: string;
};

/**
 * Create an agency with its first admin, whose security group holds every permission.
 * Used by the CLI and the first-run setup page.
 */
export async function createAccount(
  db: Db,
  input: CreateAccountInput,
  opts: { onlyIfNoAccounts?: boolean; ctx?: SystemActor['ctx'] } = {},
): Promise<CreatedAccount> {
  const data = parseInput(CreateAccountInput, input, 'The account has invalid fields.');
  const temporaryPassword = data.admin.password ? undefined : generateTemporaryPassword();
  const passwordHash = await hashPassword(data.admin.password ?? temporaryPassword!);
  const accountId = newId();
  const groupId = newId();

  return db.transaction(async (tx) => {
    if (opts.onlyIfNoAccounts) {
      // Serialise concurrent first-run setups; the second one sees the first account.
      await tx.execute(sql`select pg_advisory_xact_lock(7220301002)`);
      const existing = await tx.select({ id: accounts.id }).from(accounts).limit(1);
      if (existing.length > 0) throw new AppError('conflict', 'Setup is already complete.');
    }
    const actor: SystemActor = {
      kind: 'system',
      accountId,
      accountPackage: data.package,
      ctx: opts.ctx ?? {},
    };
    await tx
      .insert(accounts)
      .values({ id: accountId, name: data.name, package: data.package, timeZone: data.timeZone });
    const typeIds = await seedDefaultRecordTypes(tx, actor);
    await seedDefaultActivitySettings(tx, actor);
    await tx
      .update(accounts)
      .set({ settings: { defaultRecordTypeId: typeIds[0]! } })
      .where(eq(accounts.id, accountId));
    await tx.insert(securityGroups).values({
      accountId,
      id: groupId,
      name: 'Administrators',
      permissions: ALL_PERMISSIONS,
    });
    const admin = await insertUserWithLogins(tx, actor, {
      email: data.admin.email,
      username: data.admin.username,
      firstName: data.admin.firstName,
      lastName: data.admin.lastName,
      passwordHash,
      timeZone: data.admin.timeZone ?? data.timeZone,
      securityGroupId: groupId,
      mustChangePassword: temporaryPassword !== undefined,
      salesPermissions: fullSalesPermissions(typeIds, data.package),
    });
    await recordAudit(tx, actor, {
      type: 'account.created',
      subjectType: 'account',
      subjectId: accountId,
      data: { name: data.name, package: data.package },
    });
    return {
      account: { id: accountId, name: data.name, package: data.package, timeZone: data.timeZone },
      admin: { id: admin.id, username: admin.username, email: admin.email, securityGroupId: groupId },
      ...(temporaryPassword ? { temporaryPassword } : {}),
    };
  });
}
