import { AppError } from '../../lib/errors.ts';
import type { Actor } from './actor.ts';
import { assertCan, type CanContext } from './can.ts';
import { FEATURE_PACKAGES, TASKS, type TaskId, type TaskSpec } from './tasks.ts';

/**
 * The access check every use case calls. A user is checked against the task matrix with `can()`;
 * an API key (scope `full`) or the operator acts for the whole account, limited only by the
 * account's package.
 */
export function authorize(actor: Actor, task: TaskId, ctx: CanContext = {}): void {
  if (actor.kind === 'user') return assertCan(actor.profile, task, ctx);
  if (actor.kind === 'api_key' && actor.scope !== 'full') {
    throw new AppError('forbidden', `This API key’s scope (${actor.scope}) does not allow this.`, {
      missing: ['apiKey.scope: full'],
    });
  }
  const spec: TaskSpec = TASKS[task];
  if (spec.feature && !FEATURE_PACKAGES[spec.feature].includes(actor.accountPackage)) {
    throw new AppError('not_in_package', 'Not in your package.', { missing: [`package:${spec.feature}`] });
  }
}

/** Account administration (Administrative › Manage Users): every "My Agency Settings" page. */
export const requireAccountAdmin = (actor: Actor): void => authorize(actor, 'users.manage');

export function requireUser(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'This action needs a signed-in user.');
}
