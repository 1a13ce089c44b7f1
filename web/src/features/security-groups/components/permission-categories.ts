import { CATEGORY_LABELS } from '../../../lib/group-permissions';
import type { GroupPermissions } from '../../../lib/queries/security-groups';

type CategoryKey = Exclude<keyof GroupPermissions, 'recordAccess'>;

export type Level = { key: string; label: string };

/** Each category with its levels, as PERMISSIONS.md lists them, and what it opens. */
export const CATEGORIES: { key: CategoryKey; label: string; description: string; levels: Level[] }[] = [
  {
    key: 'salesEnablement',
    label: CATEGORY_LABELS.salesEnablement,
    description: 'Sales Records, calls and texts, SOA and ACA forms, Rx Collect.',
    levels: [{ key: 'visible', label: 'Visible' }],
  },
  {
    key: 'individual',
    label: CATEGORY_LABELS.individual,
    description: 'Individual (client) Records; Edit also sends forms to them.',
    levels: [
      { key: 'visible', label: 'Visible' },
      { key: 'edit', label: 'Edit' },
    ],
  },
  {
    key: 'agent',
    label: CATEGORY_LABELS.agent,
    description: 'Agent Records: calls, texts and history on them.',
    levels: [
      { key: 'visible', label: 'Visible' },
      { key: 'edit', label: 'Edit' },
    ],
  },
  {
    key: 'administrative',
    label: CATEGORY_LABELS.administrative,
    description: 'Every settings page: users, groups, teams, record types, scheduler, form settings.',
    levels: [{ key: 'manageUsers', label: 'Manage Users' }],
  },
  {
    key: 'marketing',
    label: CATEGORY_LABELS.marketing,
    description: 'Sales Workflows and mass email campaigns.',
    levels: [{ key: 'visible', label: 'Visible' }],
  },
  {
    key: 'reporting',
    label: CATEGORY_LABELS.reporting,
    description: 'Standard and custom Sales reports.',
    levels: [{ key: 'visible', label: 'Visible' }],
  },
];

/** A new group starts with nothing allowed. */
export const EMPTY_PERMISSIONS: GroupPermissions = {
  salesEnablement: { visible: false },
  individual: { visible: false, edit: false },
  agent: { visible: false, edit: false },
  administrative: { manageUsers: false },
  marketing: { visible: false },
  reporting: { visible: false },
  recordAccess: { restriction: 'none', includeUnassigned: false },
};

/** Set one level; Edit needs Visible (checking Edit checks Visible, unchecking Visible unchecks Edit). */
export function setLevel(
  p: GroupPermissions,
  category: CategoryKey,
  level: string,
  on: boolean,
): GroupPermissions {
  const current = { ...(p[category] as Record<string, boolean>), [level]: on };
  if (level === 'edit' && on) current.visible = true;
  if (level === 'visible' && !on && 'edit' in current) current.edit = false;
  return { ...p, [category]: current };
}
