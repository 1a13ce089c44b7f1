import type { GroupPermissions } from './vocabulary.ts';
import { RT_BITS, SALES_FLAGS, type SalesPermissions } from './sales-permissions.ts';

/**
 * "Nobody can raise their own permissions": is `next` no more than `current`? Pure; used when a
 * user edits their own group, their own user, or the group they belong to.
 */
export function groupWithin(next: GroupPermissions, current: GroupPermissions): boolean {
  const le = (a: boolean, b: boolean) => !a || b;
  const reach = (p: GroupPermissions) =>
    p.recordAccess.restriction === 'none' ? 2 : p.recordAccess.includeUnassigned ? 1 : 0;
  return (
    le(next.salesEnablement.visible, current.salesEnablement.visible) &&
    le(next.individual.visible, current.individual.visible) &&
    le(next.individual.edit, current.individual.edit) &&
    le(next.agent.visible, current.agent.visible) &&
    le(next.agent.edit, current.agent.edit) &&
    le(next.administrative.manageUsers, current.administrative.manageUsers) &&
    le(next.marketing.visible, current.marketing.visible) &&
    le(next.reporting.visible, current.reporting.visible) &&
    reach(next) <= reach(current)
  );
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

export function salesWithin(next: SalesPermissions, current: SalesPermissions): boolean {
  if (next.recordAccess === 'all' && current.recordAccess === 'assigned') return false;
  if (next.agentDropdownView === 'all' && current.agentDropdownView === 'self') return false;
  if (minutes(next.textingWindow.start) < minutes(current.textingWindow.start)) return false;
  if (minutes(next.textingWindow.end) > minutes(current.textingWindow.end)) return false;
  for (const f of SALES_FLAGS) if (next.flags[f] && !current.flags[f]) return false;
  for (const [type, bits] of Object.entries(next.recordTypeAccess)) {
    for (const b of RT_BITS) if (bits[b] && !current.recordTypeAccess[type]?.[b]) return false;
  }
  return true;
}
