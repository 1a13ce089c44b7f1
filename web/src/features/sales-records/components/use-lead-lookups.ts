import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fullName } from '../../../lib/format';
import { agentsQueryOptions, useAssignableAgents } from '../../../lib/queries/agents';
import { useAssignableUsers } from '../../../lib/queries/assignable-users';
import { type CustomField, useCustomFields } from '../../../lib/queries/custom-fields';
import { type RecordType, useRecordTypes } from '../../../lib/queries/record-types';
import { allUsersQueryOptions } from '../../../lib/queries/users';
import { canManageUsers, canOnRecordType, useMe } from '../../../lib/session';

export type Status = RecordType['statuses'][number];
type Option = { value: string; label: string };

export type LeadLookups = {
  recordTypes: RecordType[];
  /** Record types I may view, in order. */
  viewableTypes: RecordType[];
  typeById: Map<string, RecordType>;
  statusById: Map<string, Status & { recordTypeId: string }>;
  customFields: CustomField[];
  /** Users I may assign (GET /users/assignable). */
  userOptions: Option[];
  /** Agent Records I may pick (GET /agents/assignable), or null when there are none for me. */
  agentOptions: Option[] | null;
  userName: (id: string | null) => string | null;
  /** The agent's name: the one the record carries (`assignedAgentName`) first, else the lookups'. */
  agentName: (id: string | null, known?: string | null) => string | null;
};

/**
 * What the lead screens need to show names instead of ids: record types and statuses, users and
 * agents, and the account's Sales Record custom fields.
 */
export function useLeadLookups():
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; lookups: LeadLookups } {
  const me = useMe();
  const admin = canManageUsers(me);
  const recordTypes = useRecordTypes();
  const assignable = useAssignableUsers();
  const customFields = useCustomFields('sales_record');
  const allUsers = useQuery({ ...allUsersQueryOptions(), enabled: admin });
  // Every agent (inactive ones too) names the records of an admin; pickers offer the assignable ones.
  const agents = useQuery({ ...agentsQueryOptions(), enabled: admin });
  const assignableAgents = useAssignableAgents();

  const lookups = useMemo((): LeadLookups | null => {
    if (!recordTypes.data || !assignable.data || !customFields.data || !assignableAgents.data) return null;
    if (admin && (!allUsers.data || !agents.data)) return null;
    const typeById = new Map(recordTypes.data.map((t) => [t.id, t]));
    const statusById = new Map(
      recordTypes.data.flatMap((t) => t.statuses.map((s) => [s.id, { ...s, recordTypeId: t.id }] as const)),
    );
    const users = new Map<string, string>();
    for (const u of allUsers.data ?? []) users.set(u.id, fullName(u, u.username));
    for (const u of assignable.data) users.set(u.id, fullName(u));
    const agentNames = new Map(
      [...assignableAgents.data, ...(agents.data ?? [])].map((a) => [a.id, fullName(a)]),
    );
    return {
      recordTypes: recordTypes.data,
      viewableTypes: recordTypes.data.filter((t) => canOnRecordType(me, 'view', t.id)),
      typeById,
      statusById,
      customFields: customFields.data,
      userOptions: assignable.data.map((u) => ({ value: u.id, label: fullName(u) })),
      agentOptions: assignableAgents.data.length
        ? assignableAgents.data.map((a) => ({ value: a.id, label: fullName(a) }))
        : null,
      userName: (id) => (id ? (users.get(id) ?? 'Another user') : null),
      agentName: (id, known) =>
        id ? (known ?? agentNames.get(id) ?? (admin ? 'Unknown agent' : 'Assigned agent')) : null,
    };
  }, [
    me,
    admin,
    recordTypes.data,
    assignable.data,
    customFields.data,
    allUsers.data,
    agents.data,
    assignableAgents.data,
  ]);

  const failed = [
    recordTypes,
    assignable,
    customFields,
    assignableAgents,
    ...(admin ? [allUsers, agents] : []),
  ].find((q) => q.isError);
  if (failed) return { status: 'error', error: failed.error, retry: () => void failed.refetch() };
  if (!lookups) return { status: 'loading' };
  return { status: 'ready', lookups };
}

/** Options for a status picker: every status of the given type, or of every type grouped. */
export function statusOptions(types: RecordType[], recordTypeId?: string | null) {
  const list = recordTypeId ? types.filter((t) => t.id === recordTypeId) : types;
  if (list.length === 1) return list[0]!.statuses.map((s) => ({ value: s.id, label: s.name }));
  return list.map((t) => ({ group: t.name, items: t.statuses.map((s) => ({ value: s.id, label: s.name })) }));
}
