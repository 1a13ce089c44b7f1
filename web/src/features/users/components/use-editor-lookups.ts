import { useAccount } from '../../../lib/queries/account';
import { useAgents } from '../../../lib/queries/agents';
import { useRecordTypes } from '../../../lib/queries/record-types';
import { useSecurityGroups } from '../../../lib/queries/security-groups';
import { useTeams } from '../../../lib/queries/teams';
import { useAllUsers } from '../../../lib/queries/users';

/** Everything the user editor offers to pick from: groups, agents, teams, users, record types, labels. */
export function useEditorLookups() {
  const queries = {
    groups: useSecurityGroups(),
    agents: useAgents(),
    teams: useTeams(),
    users: useAllUsers(),
    recordTypes: useRecordTypes(),
    account: useAccount(),
  };
  const all = Object.values(queries);
  const error = all.find((q) => q.isError)?.error ?? null;
  const retry = () => all.filter((q) => q.isError).forEach((q) => void q.refetch());
  const { groups, agents, teams, users, recordTypes, account } = queries;
  if (groups.data && agents.data && teams.data && users.data && recordTypes.data && account.data) {
    return {
      status: 'ready' as const,
      lookups: {
        groups: groups.data,
        agents: agents.data,
        teams: teams.data,
        users: users.data,
        recordTypes: recordTypes.data,
        account: account.data,
      },
    };
  }
  return error ? { status: 'error' as const, error, retry } : { status: 'loading' as const };
}

export type EditorLookups = Extract<ReturnType<typeof useEditorLookups>, { status: 'ready' }>['lookups'];
