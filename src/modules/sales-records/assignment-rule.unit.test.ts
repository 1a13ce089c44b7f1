import { describe, expect, it } from 'vitest';
import type { UserActor } from '../access/index.ts';
import { assignmentProblems } from './assignment-rule.ts';

const actor = (view: 'all' | 'self'): UserActor =>
  ({
    kind: 'user',
    accountId: 'a',
    accountPackage: 'scale',
    userId: 'me',
    sessionId: null,
    mustChangePassword: false,
    ctx: {},
    profile: { userId: 'me', sales: { agentDropdownView: view }, linkedAgentIds: new Set(['mine']) },
  }) as unknown as UserActor;

describe('Agent Dropdown View assignment rule', () => {
  it('lets an “all” user assign anyone', () => {
    expect(assignmentProblems(actor('all'), { assignedUserId: 'other', assignedAgentId: 'theirs' })).toEqual(
      [],
    );
  });
  it('limits a “self” user to themselves and their Linked Agents, naming each field', () => {
    const a = actor('self');
    expect(assignmentProblems(a, { assignedUserId: 'me', assignedAgentId: 'mine' })).toEqual([]);
    expect(assignmentProblems(a, { assignedUserId: null, assignedAgentId: null })).toEqual([]);
    expect(
      assignmentProblems(a, { assignedUserId: 'other', assignedAgentId: 'theirs' }).map((p) => p.path),
    ).toEqual(['assignedUserId', 'assignedAgentId']);
  });
  it('does not limit API keys or the operator', () => {
    const key = { kind: 'api_key', accountId: 'a' } as never;
    expect(assignmentProblems(key, { assignedUserId: 'x', assignedAgentId: 'y' })).toEqual([]);
  });
});
