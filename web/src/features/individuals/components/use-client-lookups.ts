import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fullName } from '../../../lib/format';
import { agentsQueryOptions, useAssignableAgents } from '../../../lib/queries/agents';
import { type CustomField, useCustomFields } from '../../../lib/queries/custom-fields';
import { canManageUsers, useMe } from '../../../lib/session';

type Option = { value: string; label: string };

export type ClientLookups = {
  customFields: CustomField[];
  /** Agent Records I may pick as the Servicing Agent (GET /agents/assignable), or null when there are none. */
  agentOptions: Option[] | null;
  agentName: (id: string | null) => string | null;
};

/**
 * Names for the client screens: agents (every one for admins, GET /agents needs Manage Users; the
 * assignable ones for the picker) and Individual custom fields.
 */
export function useClientLookups():
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; lookups: ClientLookups } {
  const me = useMe();
  const admin = canManageUsers(me);
  const customFields = useCustomFields('individual');
  const agents = useQuery({ ...agentsQueryOptions(), enabled: admin });
  const assignable = useAssignableAgents();
  const lookups = useMemo((): ClientLookups | null => {
    if (!customFields.data || !assignable.data || (admin && !agents.data)) return null;
    const names = new Map([...assignable.data, ...(agents.data ?? [])].map((a) => [a.id, fullName(a)]));
    return {
      customFields: customFields.data,
      agentOptions: assignable.data.length
        ? assignable.data.map((a) => ({
            value: a.id,
            label: `${fullName(a)}${a.npn ? ` · NPN ${a.npn}` : ''}`,
          }))
        : null,
      agentName: (id) => (id ? (names.get(id) ?? 'Unknown agent') : null),
    };
  }, [admin, customFields.data, agents.data, assignable.data]);
  const failed = [customFields, assignable, ...(admin ? [agents] : [])].find((q) => q.isError);
  if (failed) return { status: 'error', error: failed.error, retry: () => void failed.refetch() };
  if (!lookups) return { status: 'loading' };
  return { status: 'ready', lookups };
}
