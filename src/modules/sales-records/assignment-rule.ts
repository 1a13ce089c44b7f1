import type { Actor } from '../access/index.ts';

type Problem = { path: string; message: string };

/**
 * Agent Dropdown View "self" (user sales settings): such a user may assign records only to
 * themselves and to their own Linked Agents — what GET /agents/assignable offers them. Pure: the
 * caller checks that the user and agent exist in the account. Existing assignments a user did not
 * change are not re-checked (pass only what changes).
 */
export function assignmentProblems(
  actor: Actor,
  change: { assignedUserId?: string | null; assignedAgentId?: string | null },
): Problem[] {
  if (actor.kind !== 'user' || actor.profile.sales.agentDropdownView !== 'self') return [];
  const problems: Problem[] = [];
  if (change.assignedUserId && change.assignedUserId !== actor.userId)
    problems.push({
      path: 'assignedUserId',
      message: 'Your Agent Dropdown View lets you assign records only to yourself.',
    });
  if (change.assignedAgentId && !actor.profile.linkedAgentIds.has(change.assignedAgentId))
    problems.push({
      path: 'assignedAgentId',
      message: 'Your Agent Dropdown View lets you assign records only to your own Linked Agents.',
    });
  return problems;
}
