import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { isUuid } from '../lib/ids.ts';
import { accounts } from '../modules/accounts/schema.ts';
import type { SystemActor } from '../modules/access/index.ts';
import type { Package } from '../modules/accounts/index.ts';
import { createAccount } from '../modules/onboarding/index.ts';
import { createApiKey } from '../modules/api-keys/index.ts';
import { seedDemo } from './seed-demo.ts';

export type Args = Record<string, string | boolean>;
export type CommandResult = { result: unknown; text: string };

const str = (args: Args, name: string): string | undefined =>
  typeof args[name] === 'string' ? (args[name] as string) : undefined;
function required(args: Args, name: string): string {
  const v = str(args, name);
  if (!v)
    throw new AppError('validation', `--${name} is required.`, {
      errors: [{ path: name, message: 'Required.' }],
    });
  return v;
}

/** Every CLI command, runnable in-process or through the server's admin socket. */
export const COMMANDS: Record<string, (deps: Deps, args: Args) => Promise<CommandResult>> = {
  async 'account create'(deps, args) {
    const created = await createAccount(deps.db, {
      name: required(args, 'name'),
      package: required(args, 'package') as Package,
      ...(str(args, 'time-zone') ? { timeZone: str(args, 'time-zone')! } : {}),
      admin: {
        email: required(args, 'admin-email'),
        username: required(args, 'admin-username'),
        ...(str(args, 'admin-first-name') ? { firstName: str(args, 'admin-first-name')! } : {}),
        ...(str(args, 'admin-last-name') ? { lastName: str(args, 'admin-last-name')! } : {}),
        ...(str(args, 'admin-password') ? { password: str(args, 'admin-password')! } : {}),
      },
    });
    const lines = [
      `Created account "${created.account.name}" (${created.account.id}), package ${created.account.package}.`,
      `Admin: ${created.admin.username} <${created.admin.email}> (${created.admin.id})`,
      created.temporaryPassword
        ? `Temporary password: ${created.temporaryPassword}  (must be changed at first sign-in)`
        : 'Password: as given.',
      `Sign in at ${deps.config.baseUrl}/login`,
    ];
    return { result: created, text: lines.join('\n') };
  },

  async 'api-key create'(deps, args) {
    const ref = required(args, 'account');
    const found = await deps.db
      .select({ id: accounts.id, name: accounts.name, package: accounts.package })
      .from(accounts)
      .where(isUuid(ref) ? eq(accounts.id, ref) : sql`lower(${accounts.name}) = lower(${ref})`);
    if (found.length === 0) throw new AppError('not_found', `No account "${ref}".`);
    if (found.length > 1)
      throw new AppError('conflict', `Several accounts are named "${ref}"; give the account id.`);
    const account = found[0]!;
    const actor: SystemActor = {
      kind: 'system',
      accountId: account.id,
      accountPackage: account.package,
      ctx: {},
    };
    const scope = (str(args, 'scope') ?? 'full') as 'full' | 'leads';
    const key = await createApiKey(deps, { actor, name: required(args, 'name'), scope });
    return {
      result: { id: key.id, accountId: account.id, name: key.name, scope: key.scope, key: key.key },
      text: `API key "${key.name}" (${key.scope}) for ${account.name}:\n${key.key}\nIt is shown this once; store it now.`,
    };
  },

  async migrate() {
    // Migrations are applied when the runtime opens the database; reaching here means they are done.
    return { result: { migrated: true }, text: 'The database schema is up to date.' };
  },

  async 'seed-demo'(deps) {
    const r = await seedDemo(deps);
    return { result: r, text: r.summary };
  },
};

export const COMMAND_NAMES = Object.keys(COMMANDS);
