import type { GroupPermissions } from '../access/index.ts';

export type { GroupPermissions };

export const ALL_PERMISSIONS: GroupPermissions = {
  salesEnablement: { visible: true },
  individual: { visible: true, edit: true },
  agent: { visible: true, edit: true },
  administrative: { manageUsers: true },
  marketing: { visible: true },
  reporting: { visible: true },
  recordAccess: { restriction: 'none', includeUnassigned: false },
};

export const NO_PERMISSIONS: GroupPermissions = {
  salesEnablement: { visible: false },
  individual: { visible: false, edit: false },
  agent: { visible: false, edit: false },
  administrative: { manageUsers: false },
  marketing: { visible: false },
  reporting: { visible: false },
  recordAccess: { restriction: 'none', includeUnassigned: false },
};
