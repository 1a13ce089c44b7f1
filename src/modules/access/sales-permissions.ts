/** User Sales permissions (PERMISSIONS.md, "User Sales permissions"): set per user. */
export const RT_BITS = ['view', 'add', 'edit', 'delete'] as const;
export type RtBit = (typeof RT_BITS)[number];
export type RecordTypeAccess = Record<string, Partial<Record<RtBit, boolean>>>;

export const SALES_FLAGS = [
  'downloadReports',
  'viewMessagesTab',
  'viewAllSms',
  'viewMissedCalls',
  'viewUnassignedRecordings',
] as const;
export type SalesFlag = (typeof SALES_FLAGS)[number];
/** Flags that exist only on the Scale package. */
export const SCALE_ONLY_FLAGS: ReadonlySet<SalesFlag> = new Set([
  'viewMissedCalls',
  'viewUnassignedRecordings',
]);

export type SalesPermissions = {
  /** `HH:MM` in the user's time zone; default 08:00–19:00. */
  textingWindow: { start: string; end: string };
  recordAccess: 'all' | 'assigned';
  agentDropdownView: 'self' | 'all';
  recordTypeAccess: RecordTypeAccess;
  flags: Record<SalesFlag, boolean>;
};

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

/** Everything a first admin gets: all bits on the given record types, every flag the package has. */
export function fullSalesPermissions(recordTypeIds: string[], pkg: string): SalesPermissions {
  return {
    ...DEFAULT_SALES_PERMISSIONS,
    recordTypeAccess: Object.fromEntries(
      recordTypeIds.map((id) => [id, { view: true, add: true, edit: true, delete: true }]),
    ),
    flags: Object.fromEntries(
      SALES_FLAGS.map((f) => [f, pkg === 'scale' || !SCALE_ONLY_FLAGS.has(f)]),
    ) as Record<SalesFlag, boolean>,
  };
}
