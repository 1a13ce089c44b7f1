import type { SecurityGroup } from '../../../lib/queries/security-groups';
import type { CreateUserInput } from '../api/create-user';
import type { SalesPermissions, User } from '../api/get-user';
import type { UpdateUserInput } from '../api/update-user';

export type UserType = User['userType'];
export type SalesFlag = keyof SalesPermissions['flags'];
export type RecordTypeBit = 'view' | 'add' | 'edit' | 'delete';

/** The editor's values: the API's user fields, with the group still unchosen on a new user. */
export type UserFormValues = {
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  timeZone: string;
  userType: UserType;
  securityGroupId: string | null;
  linkedAgentIds: string[];
  accessibleAgentIds: string[];
  teamIds: string[];
  viewOtherUsersActivities: boolean;
  visibleUserIds: string[];
  salesPermissions: SalesPermissions;
  customFields: string[];
};

export const USER_TYPE_OPTIONS: { value: UserType; label: string; description: string }[] = [
  { value: 'agency_user', label: 'Agency user', description: 'Agency staff.' },
  {
    value: 'agent_crm_user',
    label: 'Agent CRM user',
    description: 'A downline agent who sees only the book of business of their Accessible Agents.',
  },
];

export const USER_TYPE_LABELS: Record<UserType, string> = {
  agency_user: 'Agency user',
  agent_crm_user: 'Agent CRM user',
};

export const RECORD_TYPE_BITS: { bit: RecordTypeBit; label: string }[] = [
  { bit: 'view', label: 'View' },
  { bit: 'add', label: 'Add' },
  { bit: 'edit', label: 'Edit' },
  { bit: 'delete', label: 'Delete' },
];

/** The five User Sales permission flags, as the seed names them; two exist only on Scale. */
export const SALES_FLAGS: { flag: SalesFlag; label: string; description: string; scaleOnly: boolean }[] = [
  {
    flag: 'downloadReports',
    label: 'Can download reports',
    description: 'Download Sales reports, including custom Sales reports.',
    scaleOnly: false,
  },
  {
    flag: 'viewMessagesTab',
    label: 'Can view the Messages tab',
    description: 'Account-wide voicemails, SMS messages and recorded calls.',
    scaleOnly: false,
  },
  {
    flag: 'viewAllSms',
    label: 'Can view all SMS messages',
    description: 'Account admins always can.',
    scaleOnly: false,
  },
  {
    flag: 'viewMissedCalls',
    label: 'Can view missed calls',
    description: 'The Missed Calls tab of Messages.',
    scaleOnly: true,
  },
  {
    flag: 'viewUnassignedRecordings',
    label: 'Can view unassigned recordings',
    description: 'Call recordings not tied to a record.',
    scaleOnly: true,
  },
];

export const DEFAULT_SALES_PERMISSIONS: SalesPermissions = {
  textingWindow: { start: '08:00', end: '19:00' },
  recordAccess: 'all',
  agentDropdownView: 'all',
  recordTypeAccess: {},
  flags: {
    downloadReports: false,
    viewMessagesTab: false,
    viewAllSms: false,
    viewMissedCalls: false,
    viewUnassignedRecordings: false,
  },
};

const fourFields = (fields: string[] = []) => [0, 1, 2, 3].map((i) => fields[i] ?? '');

/** A new user's form; the time zone starts at the account's (where the agency works). */
export const newUserValues = (accountTimeZone: string): UserFormValues => ({
  firstName: '',
  lastName: '',
  email: '',
  username: '',
  timeZone: accountTimeZone,
  userType: 'agency_user',
  securityGroupId: null,
  linkedAgentIds: [],
  accessibleAgentIds: [],
  teamIds: [],
  viewOtherUsersActivities: false,
  visibleUserIds: [],
  salesPermissions: structuredClone(DEFAULT_SALES_PERMISSIONS),
  customFields: fourFields(),
});

export const userValues = (user: User): UserFormValues => ({
  firstName: user.firstName,
  lastName: user.lastName,
  email: user.email,
  username: user.username,
  timeZone: user.timeZone,
  userType: user.userType,
  securityGroupId: user.securityGroup.id,
  linkedAgentIds: user.linkedAgentIds,
  accessibleAgentIds: user.accessibleAgentIds,
  teamIds: user.teamIds,
  viewOtherUsersActivities: user.viewOtherUsersActivities,
  visibleUserIds: user.visibleUserIds,
  salesPermissions: structuredClone(user.salesPermissions),
  customFields: fourFields(user.customFields),
});

/** Whether the user must have at least one Accessible Agent (Agent CRM users, restricted groups). */
export const needsAccessibleAgents = (values: UserFormValues, group: SecurityGroup | undefined): boolean =>
  values.userType === 'agent_crm_user' || group?.permissions.recordAccess.restriction === 'accessible_agents';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME = /^[A-Za-z0-9._@-]+$/;

/** The checks the browser can make before asking the server (which checks everything again). */
export function validateUser(values: UserFormValues, groups: SecurityGroup[]): Record<string, string | null> {
  const group = groups.find((g) => g.id === values.securityGroupId);
  const { start, end } = values.salesPermissions.textingWindow;
  return {
    firstName: values.firstName.trim() ? null : 'First name is required.',
    lastName: values.lastName.trim() ? null : 'Last name is required.',
    email: EMAIL.test(values.email.trim()) ? null : 'Enter a valid email address.',
    username:
      values.username.trim().length < 3
        ? 'At least 3 characters.'
        : USERNAME.test(values.username.trim())
          ? null
          : 'Use letters, digits, dot, underscore, hyphen or @.',
    timeZone: values.timeZone ? null : 'Choose a time zone.',
    securityGroupId: values.securityGroupId ? null : 'Choose a security group.',
    accessibleAgentIds:
      needsAccessibleAgents(values, group) && values.accessibleAgentIds.length === 0
        ? values.userType === 'agent_crm_user'
          ? 'An Agent CRM user needs at least one Accessible Agent.'
          : 'This security group restricts records to Accessible Agents: add at least one.'
        : null,
    'salesPermissions.textingWindow.start': TIME.test(start) ? null : 'Enter a time.',
    'salesPermissions.textingWindow.end': !TIME.test(end)
      ? 'Enter a time.'
      : TIME.test(start) && start >= end
        ? 'The window must end after it starts.'
        : null,
  };
}

/** Fields on the Sales tab; every other field is on Details. */
export const isSalesField = (path: string) =>
  path.startsWith('salesPermissions') || path.startsWith('customFields');

const customFieldsTuple = (fields: string[]) =>
  fourFields(fields).map((f) => f.trim()) as [string, string, string, string];

/** Record type access without all-false rows, so an untouched grid compares equal. */
function cleanRecordTypeAccess(access: SalesPermissions['recordTypeAccess']) {
  return Object.fromEntries(
    Object.entries(access)
      .map(([id, bits]) => [id, Object.fromEntries(Object.entries(bits).filter(([, on]) => on))] as const)
      .filter(([, bits]) => Object.keys(bits).length > 0),
  );
}

const salesPermissionsOf = (v: UserFormValues): SalesPermissions => ({
  ...v.salesPermissions,
  recordTypeAccess: cleanRecordTypeAccess(v.salesPermissions.recordTypeAccess),
});

export function toCreateInput(v: UserFormValues, sendLoginInfo: boolean): CreateUserInput {
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    email: v.email.trim(),
    username: v.username.trim(),
    timeZone: v.timeZone,
    userType: v.userType,
    securityGroupId: v.securityGroupId ?? '',
    linkedAgentIds: v.linkedAgentIds,
    accessibleAgentIds: v.accessibleAgentIds,
    teamIds: v.teamIds,
    viewOtherUsersActivities: v.viewOtherUsersActivities,
    visibleUserIds: v.viewOtherUsersActivities ? v.visibleUserIds : [],
    salesPermissions: salesPermissionsOf(v),
    customFields: customFieldsTuple(v.customFields),
    sendLoginInfo,
  };
}

/** Only what changed since `before` (so nothing is rewritten, and the audit trail says what moved). */
export function toPatch(v: UserFormValues, before: UserFormValues): UpdateUserInput {
  const next = toCreateInput(v, false);
  const prev = toCreateInput(before, false);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (key === 'sendLoginInfo') continue;
    if (JSON.stringify(next[key]) !== JSON.stringify(prev[key])) patch[key] = next[key];
  }
  return patch as UpdateUserInput;
}
