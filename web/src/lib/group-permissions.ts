import type { components } from '../api/schema';

type GroupPermissions = components['schemas']['GroupPermissions'];

/** The security-group categories as people read them, in the order of PERMISSIONS.md. */
export const CATEGORY_LABELS = {
  salesEnablement: 'Sales Enablement',
  individual: 'Individual',
  agent: 'Agent',
  administrative: 'Administrative',
  marketing: 'Marketing & Automation',
  reporting: 'Reporting',
} as const;

/** Short labels of what a group grants, e.g. ["Sales Enablement", "Individual: edit", "Manage Users"]. */
export function describeGroupPermissions(p: GroupPermissions): string[] {
  const out: string[] = [];
  if (p.salesEnablement.visible) out.push(CATEGORY_LABELS.salesEnablement);
  if (p.individual.visible)
    out.push(`${CATEGORY_LABELS.individual}${p.individual.edit ? ': edit' : ': view'}`);
  if (p.agent.visible) out.push(`${CATEGORY_LABELS.agent}${p.agent.edit ? ': edit' : ': view'}`);
  if (p.marketing.visible) out.push(CATEGORY_LABELS.marketing);
  if (p.reporting.visible) out.push(CATEGORY_LABELS.reporting);
  if (p.administrative.manageUsers) out.push('Manage Users');
  return out;
}

/** The record access restriction in words. */
export function describeRecordAccess(p: GroupPermissions): string {
  if (p.recordAccess.restriction === 'none') return 'All records';
  return p.recordAccess.includeUnassigned
    ? 'Accessible Agents’ records and unassigned ones'
    : 'Only Accessible Agents’ records';
}
