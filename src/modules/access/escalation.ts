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

/** The wider of two sets of sales permissions, bit by bit (what a user holds after a grant by either). */
export function salesUnion(a: SalesPermissions, b: SalesPermissions): SalesPermissions {
  const earlier = (x: string, y: string) => (minutes(x) <= minutes(y) ? x : y);
  const later = (x: string, y: string) => (minutes(x) >= minutes(y) ? x : y);
  const recordTypeAccess: SalesPermissions['recordTypeAccess'] = {};
  for (const [type, bits] of [...Object.entries(a.recordTypeAccess), ...Object.entries(b.recordTypeAccess)]) {
    const into = (recordTypeAccess[type] ??= {});
    for (const bit of RT_BITS) if (bits[bit]) into[bit] = true;
  }
  return {
    textingWindow: {
      start: earlier(a.textingWindow.start, b.textingWindow.start),
      end: later(a.textingWindow.end, b.textingWindow.end),
    },
    recordAccess: a.recordAccess === 'all' || b.recordAccess === 'all' ? 'all' : 'assigned',
    agentDropdownView: a.agentDropdownView === 'all' || b.agentDropdownView === 'all' ? 'all' : 'self',
    recordTypeAccess,
    flags: Object.fromEntries(
      SALES_FLAGS.map((f) => [f, a.flags[f] || b.flags[f]]),
    ) as SalesPermissions['flags'],
  };
}

/**
 * "Nobody grants what they do not hold": is `next` no more than what the grantor holds, given what
 * the user already had (`before`, kept as it was by someone who could grant it)? Pure.
 */
export function salesGrantWithin(
  next: SalesPermissions,
  grantor: SalesPermissions,
  before?: SalesPermissions,
): boolean {
  return salesWithin(next, before ? salesUnion(grantor, before) : grantor);
}
