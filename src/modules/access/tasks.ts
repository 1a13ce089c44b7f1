import type { Package } from './vocabulary.ts';
import type { RtBit, SalesFlag } from './sales-permissions.ts';

/**
 * The task matrix of PERMISSIONS.md as data: one entry per row. `can()` evaluates it, the docs
 * page `docs/permissions.md` is generated from it, and each row has its own tests.
 */
export type Feature = 'sales' | 'rx_collect' | 'call_recordings' | 'scale_messages';

export type TaskSpec = {
  description: string;
  /** User Type: `agency_user` only, or any type (Agent CRM users then reach only their book). */
  userType: 'any' | 'agency_user';
  /** Security-group categories the row names. */
  salesEnablement?: boolean;
  individual?: 'visible' | 'visible+edit';
  agent?: 'visible' | 'visible+edit';
  manageUsers?: boolean;
  marketing?: boolean;
  reporting?: boolean;
  /** Record Type Access bits on the record's type (plus the user's Record Access scope). */
  recordType?: RtBit[];
  /** A User Sales permission flag. */
  flag?: SalesFlag;
  /** Account admins (Manage Users) pass the flag check anyway. */
  flagAdminsAlways?: boolean;
  /** Only the user who sent the form. */
  senderOnly?: boolean;
  /** Which record the task acts on, for record-level scope checks. */
  record?: 'sales_record' | 'individual' | 'agent';
  /** Package feature the task needs (PERMISSIONS.md, "Subscription packages"). */
  feature?: Feature;
  /** Rules checked where the action happens, listed for the docs (not evaluated by can()). */
  rules?: string[];
};

const SE = { salesEnablement: true } as const;
const SALES = { ...SE, feature: 'sales', record: 'sales_record' } as const;

export const TASKS = {
  'phone.dialer.use': {
    description: 'Make calls through the Phone Dialer',
    userType: 'any',
    ...SE,
    rules: ['account needs a VoIP number'],
  },
  'phone.call.agent': {
    description: 'Click-to-call on Agent Records',
    userType: 'any',
    ...SE,
    agent: 'visible',
    record: 'agent',
  },
  'phone.call.individual': {
    description: 'Click-to-call on Individual Records',
    userType: 'any',
    ...SE,
    individual: 'visible',
    record: 'individual',
  },
  'phone.call.sales_record': {
    description: 'Click-to-call on Sales Records',
    userType: 'any',
    ...SALES,
    recordType: ['view'],
  },
  'phone.voicemail.view': { description: 'View voicemails', userType: 'any', ...SE, flag: 'viewMessagesTab' },
  'phone.missed_calls.view': {
    description: 'View missed calls',
    userType: 'any',
    flag: 'viewMissedCalls',
    feature: 'scale_messages',
  },
  'phone.recordings.unassigned.view': {
    description: 'View unassigned call recordings',
    userType: 'any',
    ...SE,
    flag: 'viewUnassignedRecordings',
    feature: 'scale_messages',
  },
  'phone.call.make': { description: 'Make calls', userType: 'any', ...SE },
  'phone.recordings.agent.view': {
    description: 'View call recordings on Agent Records',
    userType: 'any',
    ...SE,
    agent: 'visible',
    record: 'agent',
    feature: 'call_recordings',
  },
  'phone.recordings.individual.view': {
    description: 'View call recordings on Individual Records',
    userType: 'any',
    ...SE,
    individual: 'visible',
    record: 'individual',
    feature: 'call_recordings',
  },
  'phone.recordings.sales_record.view': {
    description: 'View call recordings on Sales Records',
    userType: 'any',
    ...SALES,
    recordType: ['view'],
    feature: 'call_recordings',
  },
  'sms.send.agent': {
    description: 'Text Agent Records',
    userType: 'any',
    ...SE,
    agent: 'visible',
    record: 'agent',
    rules: ['texting window'],
  },
  'sms.send.individual': {
    description: 'Text Individual Records',
    userType: 'any',
    ...SE,
    individual: 'visible',
    record: 'individual',
    rules: ['texting window'],
  },
  'sms.send.sales_record': {
    description: 'Text Sales Records',
    userType: 'any',
    ...SALES,
    recordType: ['view'],
    rules: ['texting window'],
  },
  'sms.history.all': {
    description: 'View all SMS history',
    userType: 'any',
    ...SE,
    flag: 'viewAllSms',
    flagAdminsAlways: true,
  },
  'sms.inbox': {
    description: 'Open the Messages page: the SMS inbox and the opt-out ledger',
    userType: 'any',
    ...SE,
    flag: 'viewMessagesTab',
  },
  'sms.history.agent': {
    description: 'SMS history on Agent Records',
    userType: 'any',
    ...SE,
    agent: 'visible',
    record: 'agent',
  },
  'sms.history.individual': {
    description: 'SMS history on Individual Records',
    userType: 'any',
    ...SE,
    individual: 'visible',
    record: 'individual',
  },
  'sms.history.sales_record': {
    description: 'SMS history on Sales Records',
    userType: 'any',
    ...SALES,
    recordType: ['view'],
  },
  'soa.settings.manage': {
    description: 'Activate and configure SOA forms',
    userType: 'agency_user',
    ...SE,
    manageUsers: true,
  },
  'soa.profile.edit': { description: 'Edit own phone, signature and sales rep ID', userType: 'any', ...SE },
  'soa.send.individual': {
    description: 'Email or text an SOA to an Individual',
    userType: 'any',
    ...SE,
    individual: 'visible+edit',
    record: 'individual',
  },
  'soa.send.sales_record': {
    description: 'Email or text an SOA to a Sales Record',
    userType: 'any',
    ...SALES,
    recordType: ['view', 'edit'],
  },
  'soa.edit.individual': {
    description: 'Edit plans, appointment date and 48-hour exception reason of an SOA (Individual)',
    userType: 'any',
    ...SE,
    individual: 'visible+edit',
    record: 'individual',
    senderOnly: true,
  },
  'soa.edit.sales_record': {
    description: 'Edit an SOA on a Sales Record',
    userType: 'any',
    ...SALES,
    recordType: ['edit'],
    senderOnly: true,
  },
  'soa.delete_requested.individual': {
    description: 'Delete a still-requested SOA (Individual)',
    userType: 'any',
    ...SE,
    individual: 'visible+edit',
    record: 'individual',
    senderOnly: true,
  },
  'soa.delete_requested.sales_record': {
    description: 'Delete a still-requested SOA (Sales Record)',
    userType: 'any',
    ...SALES,
    recordType: ['edit'],
    senderOnly: true,
  },
  'soa.view.individual': {
    description: 'View SOA forms on Individuals',
    userType: 'any',
    ...SE,
    individual: 'visible',
    record: 'individual',
  },
  'soa.view.sales_record': {
    description: 'View SOA forms on Sales Records',
    userType: 'any',
    ...SALES,
    recordType: ['view'],
  },
  'aca.settings.manage': {
    description: 'Activate and configure ACA Consent/Attestation forms',
    userType: 'agency_user',
    ...SE,
    manageUsers: true,
  },
  'aca.profile.edit': { description: 'Edit own phone and NPN', userType: 'any', ...SE },
  'aca.send.individual': {
    description: 'Email or text ACA forms to an Individual',
    userType: 'any',
    ...SE,
    individual: 'visible+edit',
    record: 'individual',
  },
  'aca.send.sales_record': {
    description: 'Email or text ACA forms to a Sales Record',
    userType: 'any',
    ...SALES,
    recordType: ['view', 'edit'],
  },
  'aca.delete_requested.individual': {
    description: 'Delete a still-requested ACA form (Individual)',
    userType: 'any',
    ...SE,
    individual: 'visible+edit',
    record: 'individual',
    senderOnly: true,
  },
  'aca.delete_requested.sales_record': {
    description: 'Delete a still-requested ACA form (Sales Record)',
    userType: 'any',
    ...SALES,
    recordType: ['edit'],
    senderOnly: true,
  },
  'aca.view.individual': {
    description: 'View ACA forms on Individuals',
    userType: 'any',
    ...SE,
    individual: 'visible',
    record: 'individual',
  },
  'aca.view.sales_record': {
    description: 'View ACA forms on Sales Records',
    userType: 'any',
    ...SALES,
    recordType: ['view'],
  },
  'rx.settings.manage': {
    description: 'Edit Rx Collect settings',
    userType: 'agency_user',
    ...SE,
    manageUsers: true,
    feature: 'rx_collect',
  },
  'rx.send.individual': {
    description: 'Send Rx Collect email/text to an Individual',
    userType: 'any',
    ...SE,
    individual: 'visible+edit',
    record: 'individual',
    feature: 'rx_collect',
    rules: ['valid cell phone for a text', 'linked Servicing Agent', 'agency phone number for SMS'],
  },
  'rx.send.sales_record': {
    description: 'Send Rx Collect email/text to a Sales Record',
    userType: 'any',
    ...SALES,
    recordType: ['view', 'edit'],
    feature: 'rx_collect',
    rules: ['valid cell phone for a text', 'assigned Agent/User', 'agency phone number for SMS'],
  },
  'rx.info.individual': {
    description: 'View and edit Rx Collect information (Individual)',
    userType: 'any',
    ...SE,
    individual: 'visible+edit',
    record: 'individual',
    feature: 'rx_collect',
  },
  'rx.info.sales_record': {
    description: 'View and edit Rx Collect information (Sales Record)',
    userType: 'any',
    ...SALES,
    recordType: ['view', 'edit'],
    feature: 'rx_collect',
  },
  'sales_record.view': { description: 'View Sales Records', userType: 'any', ...SALES, recordType: ['view'] },
  'sales_record.add': { description: 'Add Sales Records', userType: 'any', ...SALES, recordType: ['add'] },
  'sales_record.edit': { description: 'Edit Sales Records', userType: 'any', ...SALES, recordType: ['edit'] },
  'sales_record.delete': {
    description: 'Delete Sales Records',
    userType: 'any',
    ...SALES,
    recordType: ['delete'],
  },
  'sales_record.import': {
    description: 'Import Sales Records',
    userType: 'any',
    ...SALES,
    recordType: ['add'],
  },
  'sales_record.convert': {
    description: 'Convert a Sales Record to an Individual Record',
    userType: 'any',
    ...SALES,
    recordType: ['edit'],
  },
  'sales_record.create_from_individual': {
    description: 'Create a Sales Record for an existing Individual',
    userType: 'any',
    ...SALES,
    individual: 'visible',
    recordType: ['add'],
  },
  'workflow.manage': {
    description: 'View, add, edit, delete Sales Workflows',
    userType: 'agency_user',
    ...SE,
    manageUsers: true,
    marketing: true,
    feature: 'sales',
  },
  'mass_email.manage': {
    description: 'Create, send, delete (unsent only) mass email campaigns',
    userType: 'agency_user',
    ...SE,
    marketing: true,
    feature: 'sales',
  },
  'report.standard.run': {
    description: 'Run Sales standard reports',
    userType: 'any',
    ...SE,
    reporting: true,
    feature: 'sales',
  },
  'report.standard.download': {
    description: 'Download Sales standard reports',
    userType: 'any',
    ...SE,
    reporting: true,
    flag: 'downloadReports',
    feature: 'sales',
  },
  'report.custom.manage': {
    description: 'Create and run Sales custom reports',
    userType: 'any',
    ...SE,
    reporting: true,
    feature: 'sales',
  },
  'report.custom.download': {
    description: 'Download Sales custom reports',
    userType: 'any',
    ...SE,
    reporting: true,
    flag: 'downloadReports',
    feature: 'sales',
  },
  // Servicing records, as the security group's Individual category grants them (beyond the Sales matrix).
  'individual.view': {
    description: 'View Individual Records',
    userType: 'any',
    individual: 'visible',
    record: 'individual',
  },
  'individual.edit': {
    description: 'Add and edit Individual Records, their notes and policies',
    userType: 'any',
    individual: 'visible+edit',
    record: 'individual',
  },
  'users.manage': {
    description: 'Users, security groups, teams, user sales permissions',
    userType: 'agency_user',
    manageUsers: true,
  },
  'scheduler.settings.manage': {
    description: 'Appointment Scheduler settings',
    userType: 'agency_user',
    ...SE,
    manageUsers: true,
  },
  'activity_types.manage': {
    description: 'Put Activity Types in the "Appointment" category',
    userType: 'agency_user',
    manageUsers: true,
  },
  // Activities (PRODUCT.md "Activities and calendar"; every package has them).
  'activity_settings.manage': {
    description: 'Add, rename, reorder and deactivate Activity Types and Activity Statuses',
    userType: 'agency_user',
    manageUsers: true,
  },
  'activity.use': {
    description: 'Activities and the calendar',
    userType: 'any',
    rules: [
      'sees activities they own, created, or their teams own; other users’ only as granted (View Other Users’ Activities); and those of records they can view (decision 009)',
      'changes (edits, completes, deletes) only activities they own, created, or their teams own',
    ],
  },
  'agent.view': {
    description: 'View Agent Records (their activities)',
    userType: 'any',
    agent: 'visible',
    record: 'agent',
  },
} as const satisfies Record<string, TaskSpec>;

export type TaskId = keyof typeof TASKS;
export const TASK_IDS = Object.keys(TASKS) as TaskId[];
export const isTaskId = (s: string): s is TaskId => Object.hasOwn(TASKS, s);

/** Which packages have each feature (PERMISSIONS.md). */
export const FEATURE_PACKAGES: Record<Feature, readonly Package[]> = {
  sales: ['accelerate', 'elevate', 'scale'],
  rx_collect: ['accelerate', 'elevate', 'scale'],
  call_recordings: ['elevate', 'scale'],
  scale_messages: ['scale'],
};
