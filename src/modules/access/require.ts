import { AppError } from '../../lib/errors.ts';
import type { Actor } from './actor.ts';

/**
 * Account administration (Administrative › Manage Users). Issue 3 replaces the call sites with
 * `can(actor, task)`; until then this is the one gate for admin pages.
 */
export function requireAccountAdmin(actor: Actor): void {
  if (actor.kind === 'system') return;
  if (actor.kind === 'api_key') {
    if (actor.scope === 'full') return;
    throw new AppError('forbidden', 'This API key’s scope does not allow this.', {
      missing: ['apiKey.scope: full'],
    });
  }
  if (!actor.permissions.administrative.manageUsers) {
    throw new AppError('forbidden', 'You need the Administrative “Manage Users” permission.', {
      missing: ['securityGroup.administrative.manageUsers'],
    });
  }
}

export function requireUser(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'This action needs a signed-in user.');
}
