import { AppError } from '../../lib/errors.ts';
import type { GroupPermissions, Package, UserType } from './vocabulary.ts';
import type { RtBit, SalesPermissions } from './sales-permissions.ts';
import { FEATURE_PACKAGES, TASKS, type TaskId, type TaskSpec } from './tasks.ts';

/** Everything `can()` needs about a user, loaded once per request. */
export type AccessProfile = {
  userId: string;
  package: Package;
  userType: UserType;
  group: GroupPermissions;
  sales: SalesPermissions;
  linkedAgentIds: ReadonlySet<string>;
  accessibleAgentIds: ReadonlySet<string>;
};

/** The record a task acts on, as far as access needs it. */
export type RecordContext =
  | {
      kind: 'sales_record';
      recordTypeId: string;
      assignedUserId: string | null;
      assignedAgentId: string | null;
    }
  | { kind: 'individual'; servicingAgentId: string | null }
  | { kind: 'agent'; agentId: string };

export type CanContext = {
  record?: RecordContext;
  /** For tasks on a type without a record yet (add, import): the target Record Type. */
  recordTypeId?: string;
  /** For sender-only tasks: who sent the form. */
  senderUserId?: string;
};

export type Unmet = { requirement: string; message: string };
export type Decision = { allowed: true } | { allowed: false; missing: Unmet[] };

const ALLOWED: Decision = Object.freeze({ allowed: true });

const PACKAGE_NAMES: Record<Package, string> = {
  enhanced_records: 'Enhanced Records',
  accelerate: 'Accelerate',
  elevate: 'Elevate',
  scale: 'Scale',
};

/** Is the record "assigned to the user": to them, or to one of their Linked Agents. */
export function isAssignedToUser(
  p: AccessProfile,
  r: { assignedUserId: string | null; assignedAgentId: string | null },
): boolean {
  return (
    r.assignedUserId === p.userId || (r.assignedAgentId !== null && p.linkedAgentIds.has(r.assignedAgentId))
  );
}

/** Agent CRM users, and users of a restricted group, reach only records of their Accessible Agents. */
export function isRestrictedToAccessibleAgents(p: AccessProfile): boolean {
  return p.userType === 'agent_crm_user' || p.group.recordAccess.restriction === 'accessible_agents';
}

function withinAccessibleAgents(p: AccessProfile, r: RecordContext): boolean {
  const agentId =
    r.kind === 'sales_record' ? r.assignedAgentId : r.kind === 'individual' ? r.servicingAgentId : r.agentId;
  if (r.kind === 'sales_record' && isAssignedToUser(p, r)) return true;
  if (agentId === null) {
    return r.kind === 'sales_record' && r.assignedUserId !== null
      ? false
      : p.group.recordAccess.includeUnassigned;
  }
  return p.accessibleAgentIds.has(agentId);
}

function hasRtBit(p: AccessProfile, bit: RtBit, typeId: string | undefined): boolean {
  const rta = p.sales.recordTypeAccess;
  if (typeId !== undefined) return rta[typeId]?.[bit] === true;
  for (const k in rta) if (rta[k]![bit] === true) return true;
  return false;
}

/**
 * May this user do this task (on this record)? Returns allowed, or every unmet requirement:
 * package, user type, security-group levels, user sales permissions, record type, record scope,
 * accessible agents, sender-only. Pure and allocation-free when allowed.
 */
export function can(p: AccessProfile, task: TaskId, ctx: CanContext = {}): Decision {
  const t: TaskSpec = TASKS[task];
  let missing: Unmet[] | undefined;
  const miss = (requirement: string, message: string) => (missing ??= []).push({ requirement, message });

  if (t.feature && !FEATURE_PACKAGES[t.feature].includes(p.package)) {
    const names = FEATURE_PACKAGES[t.feature].map((x) => PACKAGE_NAMES[x]).join(', ');
    miss(`package:${t.feature}`, `Not in your package (${PACKAGE_NAMES[p.package]}); it needs ${names}.`);
  }
  if (t.userType === 'agency_user' && p.userType !== 'agency_user')
    miss('userType:agency_user', 'Only Agency Users may do this.');
  const g = p.group;
  // On Enhanced Records the Sales Enablement permission does not apply (PERMISSIONS.md).
  if (t.salesEnablement && p.package !== 'enhanced_records' && !g.salesEnablement.visible) {
    miss('securityGroup.salesEnablement.visible', 'Your security group needs Sales Enablement: Visible.');
  }
  if (t.individual) {
    if (!g.individual.visible)
      miss('securityGroup.individual.visible', 'Your security group needs Individual: Visible.');
    if (t.individual === 'visible+edit' && !g.individual.edit)
      miss('securityGroup.individual.edit', 'Your security group needs Individual: Edit.');
  }
  if (t.agent) {
    if (!g.agent.visible) miss('securityGroup.agent.visible', 'Your security group needs Agent: Visible.');
    if (t.agent === 'visible+edit' && !g.agent.edit)
      miss('securityGroup.agent.edit', 'Your security group needs Agent: Edit.');
  }
  if (t.manageUsers && !g.administrative.manageUsers)
    miss(
      'securityGroup.administrative.manageUsers',
      'Your security group needs Administrative: Manage Users.',
    );
  if (t.marketing && !g.marketing.visible)
    miss('securityGroup.marketing.visible', 'Your security group needs Marketing & Automation: Visible.');
  if (t.reporting && !g.reporting.visible)
    miss('securityGroup.reporting.visible', 'Your security group needs Reporting: Visible.');
  if (t.flag && !p.sales.flags[t.flag] && !(t.flagAdminsAlways && g.administrative.manageUsers)) {
    miss(`salesPermissions.flags.${t.flag}`, `Your user sales permissions need “${t.flag}”.`);
  }

  const record = ctx.record;
  if (t.recordType) {
    const typeId = record?.kind === 'sales_record' ? record.recordTypeId : ctx.recordTypeId;
    for (const bit of t.recordType) {
      if (!hasRtBit(p, bit, typeId)) {
        miss(
          `salesPermissions.recordTypeAccess.${bit}`,
          `Your Record Type Access needs ${bit[0]!.toUpperCase()}${bit.slice(1)} on this record type.`,
        );
      }
    }
  }
  if (record) {
    if (
      record.kind === 'sales_record' &&
      p.sales.recordAccess === 'assigned' &&
      !isAssignedToUser(p, record)
    ) {
      miss(
        'salesPermissions.recordAccess',
        'Your Record Access is limited to Sales Records assigned to you.',
      );
    }
    if (isRestrictedToAccessibleAgents(p) && !withinAccessibleAgents(p, record)) {
      miss('accessibleAgents', 'This record belongs to an agent who is not one of your Accessible Agents.');
    }
  }
  if (t.senderOnly && ctx.senderUserId !== p.userId)
    miss('senderOnly', 'Only the user who sent this form may do this.');

  return missing ? { allowed: false, missing } : ALLOWED;
}

/** `can()` or throw: 403 "not in your package" when the package is what is missing, else 403 naming every requirement. */
export function assertCan(p: AccessProfile, task: TaskId, ctx: CanContext = {}): void {
  const d = can(p, task, ctx);
  if (d.allowed) return;
  const pkg = d.missing.find((m) => m.requirement.startsWith('package:'));
  if (pkg)
    throw new AppError('not_in_package', pkg.message, { missing: d.missing.map((m) => m.requirement) });
  throw new AppError('forbidden', `You may not do this: ${d.missing.map((m) => m.message).join(' ')}`, {
    missing: d.missing.map((m) => m.requirement),
  });
}
