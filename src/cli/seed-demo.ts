import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { hashPassword } from '../lib/passwords.ts';
import type { SystemActor } from '../modules/access/actor.ts';
import { createAccount } from '../modules/accounts/create-account.ts';
import { accounts } from '../modules/accounts/schema.ts';
import { insertUserWithLogins } from '../modules/users/insert-user.ts';
import { NO_PERMISSIONS } from '../modules/users/permissions.ts';
import { securityGroups } from '../modules/users/schema.ts';

export const DEMO_ACCOUNT = 'Sunrise Senior Benefits (demo)';
export const DEMO_PASSWORD = 'demo-password-2026';

const AGENTS = [
  ['Maria', 'Alvarez', 'America/New_York'],
  ['James', 'Whitfield', 'America/Chicago'],
  ['Priya', 'Natarajan', 'America/Denver'],
  ['Tom', 'Okafor', 'America/Phoenix'],
  ['Linda', 'Kowalski', 'America/Los_Angeles'],
] as const;

/**
 * A demo agency with realistic people, grown by each capability. Idempotent: if the demo account
 * exists it is left as it is.
 */
export async function seedDemo(
  deps: Deps,
): Promise<{ accountId: string; created: boolean; summary: string }> {
  const [existing] = await deps.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.name, DEMO_ACCOUNT));
  if (existing) {
    return {
      accountId: existing.id,
      created: false,
      summary: `The demo account already exists (${existing.id}).`,
    };
  }
  const created = await createAccount(deps.db, {
    name: DEMO_ACCOUNT,
    package: 'scale',
    timeZone: 'America/New_York',
    admin: {
      email: 'owner@sunrise-demo.test',
      username: 'demo.owner',
      firstName: 'Dana',
      lastName: 'Reyes',
      password: DEMO_PASSWORD,
    },
  });
  const accountId = created.account.id;
  const actor: SystemActor = { kind: 'system', accountId, accountPackage: 'scale', ctx: {} };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await deps.db.transaction(async (tx) => {
    const agentsGroup = newId();
    await tx.insert(securityGroups).values({
      accountId,
      id: agentsGroup,
      name: 'Sales Agents',
      permissions: {
        ...NO_PERMISSIONS,
        salesEnablement: { visible: true },
        individual: { visible: true, edit: true },
        reporting: { visible: true },
      },
    });
    for (const [first, last, tz] of AGENTS) {
      const username = `${first}.${last}`.toLowerCase();
      await insertUserWithLogins(tx, actor, {
        email: `${username}@sunrise-demo.test`,
        username,
        firstName: first,
        lastName: last,
        passwordHash,
        timeZone: tz,
        securityGroupId: agentsGroup,
        mustChangePassword: false,
      });
    }
  });
  return {
    accountId,
    created: true,
    summary:
      `Created the demo agency "${DEMO_ACCOUNT}" (${accountId}).\n` +
      `Sign in as demo.owner (admin) or e.g. maria.alvarez (agent); every demo password is ${DEMO_PASSWORD}`,
  };
}
