import { FEATURE_PACKAGES, TASK_IDS, TASKS, type TaskSpec } from './tasks.ts';

const groupCell = (t: TaskSpec): string =>
  [
    `UT ${t.userType === 'agency_user' ? 'Agency User' : 'any'}`,
    t.salesEnablement && 'Sales Enablement: Visible',
    t.individual && `Individual: ${t.individual === 'visible' ? 'Visible' : 'Visible + Edit'}`,
    t.agent && `Agent: ${t.agent === 'visible' ? 'Visible' : 'Visible + Edit'}`,
    t.manageUsers && 'Administrative: Manage Users',
    t.marketing && 'Marketing & Automation: Visible',
    t.reporting && 'Reporting: Visible',
  ]
    .filter(Boolean)
    .join('; ');

const salesCell = (t: TaskSpec): string =>
  [
    t.recordType &&
      `Record Type Access: ${t.recordType.map((b) => b[0]!.toUpperCase() + b.slice(1)).join(' + ')} (and Record Access scope)`,
    t.flag && `${t.flag}${t.flagAdminsAlways ? ' (account admins always)' : ''}`,
    t.senderOnly && 'sender only',
    ...(t.rules ?? []),
  ]
    .filter(Boolean)
    .join('; ') || '—';

/** docs/permissions.md, generated from the task matrix in code (`npm run docs:permissions`). */
export function renderPermissionDocs(): string {
  const rows = TASK_IDS.map((id) => {
    const t: TaskSpec = TASKS[id];
    const pkg = t.feature ? FEATURE_PACKAGES[t.feature].join(', ') : 'all';
    return `| \`${id}\` | ${t.description} | ${groupCell(t)} | ${salesCell(t)} | ${pkg} |`;
  });
  return [
    '# Task matrix',
    '',
    '<!-- Generated from src/modules/access/tasks.ts by `npm run docs:permissions`. Do not edit. -->',
    '',
    'Each task checks exactly these requirements in `can(actor, task, record?)`; a refusal (403) names',
    'every unmet one. Record-level scope applies whenever a task acts on a record: Record Access',
    '(`assigned` = assigned to the user or one of their Linked Agents), and for Agent CRM Users and',
    'groups restricted to Accessible Agents, the record’s agent must be one of theirs (or the record',
    'unassigned, when the group allows it). On Enhanced Records the Sales Enablement permission does',
    'not apply. Rules in the sales column marked as such are checked where the action happens (422).',
    '',
    '| task | what | security group | user sales permissions | packages |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
