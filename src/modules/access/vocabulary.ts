// The words access control is decided in. They are stored by other modules (an account's package, an
// API key's scope, a user's type, a security group's permissions), which import them from here: the
// access module is the bottom layer and imports no other module.

/** The product package an account has (operator-set). */
export const PACKAGES = ['enhanced_records', 'accelerate', 'elevate', 'scale'] as const;
export type Package = (typeof PACKAGES)[number];

/** What an API key may do: everything its account may, or only post leads. */
export const API_KEY_SCOPES = ['full', 'leads'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const USER_TYPES = ['agency_user', 'agent_crm_user'] as const;
export type UserType = (typeof USER_TYPES)[number];

/** Security-group permission categories and levels (PERMISSIONS.md, "Security Group permissions"). */
export type GroupPermissions = {
  salesEnablement: { visible: boolean };
  individual: { visible: boolean; edit: boolean };
  agent: { visible: boolean; edit: boolean };
  administrative: { manageUsers: boolean };
  marketing: { visible: boolean };
  reporting: { visible: boolean };
  recordAccess: { restriction: 'none' | 'accessible_agents'; includeUnassigned: boolean };
};
