import { describe, expect, it } from 'vitest';
import type { Package } from '../accounts/index.ts';
import { NO_PERMISSIONS } from '../users/index.ts';
import { type AccessProfile, can, type CanContext, type RecordContext } from './can.ts';
import { DEFAULT_SALES_PERMISSIONS, type RtBit, type SalesFlag } from './sales-permissions.ts';
import { TASK_IDS, type TaskId } from './tasks.ts';

/**
 * PERMISSIONS.md's task matrix, transcribed independently of src/modules/access/tasks.ts:
 * agency = User Type Agency User; SE/IND/AGT/ADM/MKT/RPT = security-group categories
 * (v = visible, ve = visible+edit); RT = Record Type Access bits; flag = user sales flag
 * (flag* = account admins always pass); sender = sender only; pkg = package feature.
 */
const MATRIX: Record<TaskId, string> = {
  'phone.dialer.use': 'SE',
  'phone.call.agent': 'SE AGT:v rec:agent',
  'phone.call.individual': 'SE IND:v rec:individual',
  'phone.call.sales_record': 'SE RT:view rec:sales_record pkg:sales',
  'phone.voicemail.view': 'SE flag:viewMessagesTab',
  'phone.missed_calls.view': 'flag:viewMissedCalls pkg:scale_messages',
  'phone.recordings.unassigned.view': 'SE flag:viewUnassignedRecordings pkg:scale_messages',
  'phone.call.make': 'SE',
  'phone.recordings.agent.view': 'SE AGT:v rec:agent pkg:call_recordings',
  'phone.recordings.individual.view': 'SE IND:v rec:individual pkg:call_recordings',
  'phone.recordings.sales_record.view': 'SE RT:view rec:sales_record pkg:call_recordings',
  'sms.send.agent': 'SE AGT:v rec:agent',
  'sms.send.individual': 'SE IND:v rec:individual',
  'sms.send.sales_record': 'SE RT:view rec:sales_record pkg:sales',
  'sms.history.all': 'SE flag*:viewAllSms',
  'sms.inbox': 'SE flag:viewMessagesTab',
  'sms.history.agent': 'SE AGT:v rec:agent',
  'sms.history.individual': 'SE IND:v rec:individual',
  'sms.history.sales_record': 'SE RT:view rec:sales_record pkg:sales',
  'soa.settings.manage': 'agency SE ADM',
  'soa.profile.edit': 'SE',
  'soa.send.individual': 'SE IND:ve rec:individual',
  'soa.send.sales_record': 'SE RT:view+edit rec:sales_record pkg:sales',
  'soa.edit.individual': 'SE IND:ve sender rec:individual',
  'soa.edit.sales_record': 'SE RT:edit sender rec:sales_record pkg:sales',
  'soa.delete_requested.individual': 'SE IND:ve sender rec:individual',
  'soa.delete_requested.sales_record': 'SE RT:edit sender rec:sales_record pkg:sales',
  'soa.view.individual': 'SE IND:v rec:individual',
  'soa.view.sales_record': 'SE RT:view rec:sales_record pkg:sales',
  'aca.settings.manage': 'agency SE ADM',
  'aca.profile.edit': 'SE',
  'aca.send.individual': 'SE IND:ve rec:individual',
  'aca.send.sales_record': 'SE RT:view+edit rec:sales_record pkg:sales',
  'aca.delete_requested.individual': 'SE IND:ve sender rec:individual',
  'aca.delete_requested.sales_record': 'SE RT:edit sender rec:sales_record pkg:sales',
  'aca.view.individual': 'SE IND:v rec:individual',
  'aca.view.sales_record': 'SE RT:view rec:sales_record pkg:sales',
  'rx.settings.manage': 'agency SE ADM pkg:rx_collect',
  'rx.send.individual': 'SE IND:ve rec:individual pkg:rx_collect',
  'rx.send.sales_record': 'SE RT:view+edit rec:sales_record pkg:rx_collect',
  'rx.info.individual': 'SE IND:ve rec:individual pkg:rx_collect',
  'rx.info.sales_record': 'SE RT:view+edit rec:sales_record pkg:rx_collect',
  'sales_record.view': 'SE RT:view rec:sales_record pkg:sales',
  'sales_record.add': 'SE RT:add rec:sales_record pkg:sales',
  'sales_record.edit': 'SE RT:edit rec:sales_record pkg:sales',
  'sales_record.delete': 'SE RT:delete rec:sales_record pkg:sales',
  'sales_record.import': 'SE RT:add rec:sales_record pkg:sales',
  'sales_record.convert': 'SE RT:edit rec:sales_record pkg:sales',
  'sales_record.create_from_individual': 'SE IND:v RT:add rec:sales_record pkg:sales',
  'workflow.manage': 'agency SE ADM MKT pkg:sales',
  'mass_email.manage': 'agency SE MKT pkg:sales',
  'report.standard.run': 'SE RPT pkg:sales',
  'report.standard.download': 'SE RPT flag:downloadReports pkg:sales',
  'report.custom.manage': 'SE RPT pkg:sales',
  'report.custom.download': 'SE RPT flag:downloadReports pkg:sales',
  'individual.view': 'IND:v rec:individual',
  'individual.edit': 'IND:ve rec:individual',
  'users.manage': 'agency ADM',
  'scheduler.settings.manage': 'agency SE ADM',
  'activity_types.manage': 'agency ADM',
  'activity_settings.manage': 'agency ADM',
  'activity.use': '',
  'agent.view': 'AGT:v rec:agent',
};

const ME = '01900000-0000-7000-8000-000000000001';
const TYPE = '01900000-0000-7000-8000-0000000000a1';
const AGENT = '01900000-0000-7000-8000-0000000000b1';
const PKG_FOR: Record<string, Package> = {
  sales: 'accelerate',
  rx_collect: 'accelerate',
  call_recordings: 'elevate',
  scale_messages: 'scale',
};

type Parsed = { tokens: string[]; rec?: string; pkg?: string };
const parse = (row: string): Parsed => {
  const tokens = row.split(' ').filter((t) => t !== ''); // '' = no requirement beyond a user
  return {
    tokens: tokens.filter((t) => !t.startsWith('rec:') && !t.startsWith('pkg:')),
    rec: tokens.find((t) => t.startsWith('rec:'))?.slice(4),
    pkg: tokens.find((t) => t.startsWith('pkg:'))?.slice(4),
  };
};

/** The least profile that meets exactly the given requirements. */
function minimalProfile(p: Parsed): AccessProfile {
  const group = structuredClone(NO_PERMISSIONS);
  const sales = structuredClone(DEFAULT_SALES_PERMISSIONS);
  let userType: AccessProfile['userType'] = 'agent_crm_user';
  for (const tok of p.tokens) {
    const [k, v] = tok.split(':') as [string, string | undefined];
    if (k === 'agency') userType = 'agency_user';
    if (k === 'SE') group.salesEnablement.visible = true;
    if (k === 'IND') group.individual = { visible: true, edit: v === 've' };
    if (k === 'AGT') group.agent = { visible: true, edit: v === 've' };
    if (k === 'ADM') group.administrative.manageUsers = true;
    if (k === 'MKT') group.marketing.visible = true;
    if (k === 'RPT') group.reporting.visible = true;
    if (k === 'RT') sales.recordTypeAccess[TYPE] = Object.fromEntries(v!.split('+').map((b) => [b, true]));
    if (k === 'flag' || k === 'flag*') sales.flags[v as SalesFlag] = true;
  }
  return {
    userId: ME,
    package: p.pkg ? PKG_FOR[p.pkg]! : 'accelerate',
    userType,
    group,
    sales,
    linkedAgentIds: new Set(),
    // An Agent CRM user reaches only their Accessible Agents' records: the record below is one.
    accessibleAgentIds: new Set([AGENT]),
  };
}

const recordFor = (rec: string | undefined): RecordContext | undefined =>
  rec === 'sales_record'
    ? { kind: 'sales_record', recordTypeId: TYPE, assignedUserId: null, assignedAgentId: AGENT }
    : rec === 'individual'
      ? { kind: 'individual', servicingAgentId: AGENT }
      : rec === 'agent'
        ? { kind: 'agent', agentId: AGENT }
        : undefined;

/** Remove one requirement; returns the requirement id can() must then report. */
function without(
  profile: AccessProfile,
  tok: string,
  ctx: CanContext,
): { profile: AccessProfile; ctx: CanContext; expect: string } {
  const p: AccessProfile = {
    ...profile,
    group: structuredClone(profile.group),
    sales: structuredClone(profile.sales),
  };
  const [k, v] = tok.split(':') as [string, string | undefined];
  switch (k) {
    case 'agency':
      return { profile: { ...p, userType: 'agent_crm_user' }, ctx, expect: 'userType:agency_user' };
    case 'SE':
      return {
        profile: { ...p, group: { ...p.group, salesEnablement: { visible: false } } },
        ctx,
        expect: 'securityGroup.salesEnablement.visible',
      };
    case 'ADM':
      return {
        profile: { ...p, group: { ...p.group, administrative: { manageUsers: false } } },
        ctx,
        expect: 'securityGroup.administrative.manageUsers',
      };
    case 'MKT':
      return {
        profile: { ...p, group: { ...p.group, marketing: { visible: false } } },
        ctx,
        expect: 'securityGroup.marketing.visible',
      };
    case 'RPT':
      return {
        profile: { ...p, group: { ...p.group, reporting: { visible: false } } },
        ctx,
        expect: 'securityGroup.reporting.visible',
      };
    case 'flag':
    case 'flag*':
      p.sales.flags[v as SalesFlag] = false;
      return { profile: p, ctx, expect: `salesPermissions.flags.${v}` };
    case 'sender':
      return {
        profile: p,
        ctx: { ...ctx, senderUserId: '01900000-0000-7000-8000-0000000000ff' },
        expect: 'senderOnly',
      };
    default:
      throw new Error(`token ${tok} is split per level below`);
  }
}

describe('can(): every row of the task matrix', () => {
  it('the matrix in code has exactly the rows of PERMISSIONS.md (plus the servicing Individual tasks)', () => {
    expect([...TASK_IDS].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const task of TASK_IDS) {
    const parsed = parse(MATRIX[task]);
    const base = minimalProfile(parsed);
    const ctx: CanContext = {
      ...(recordFor(parsed.rec) ? { record: recordFor(parsed.rec)! } : {}),
      ...(parsed.tokens.includes('sender') ? { senderUserId: ME } : {}),
    };

    describe(task, () => {
      it('allowed with exactly its requirements', () => {
        expect(can(base, task, ctx)).toEqual({ allowed: true });
      });

      for (const tok of parsed.tokens) {
        const [k, v] = tok.split(':') as [string, string | undefined];
        if (k === 'IND' || k === 'AGT') {
          const cat = k === 'IND' ? 'individual' : 'agent';
          it(`denied without ${cat} visible`, () => {
            const p = { ...base, group: { ...base.group, [cat]: { visible: false, edit: false } } };
            expect(can(p, task, ctx)).toMatchObject({
              allowed: false,
              missing: expect.arrayContaining([
                expect.objectContaining({ requirement: `securityGroup.${cat}.visible` }),
              ]),
            });
          });
          if (v === 've') {
            it(`denied without ${cat} edit`, () => {
              const p = { ...base, group: { ...base.group, [cat]: { visible: true, edit: false } } };
              expect(can(p, task, ctx)).toEqual({
                allowed: false,
                missing: [expect.objectContaining({ requirement: `securityGroup.${cat}.edit` })],
              });
            });
          }
          continue;
        }
        if (k === 'RT') {
          for (const bit of v!.split('+') as RtBit[]) {
            it(`denied without Record Type Access ${bit} on the record's type`, () => {
              const p = {
                ...base,
                sales: {
                  ...base.sales,
                  recordTypeAccess: { [TYPE]: { ...base.sales.recordTypeAccess[TYPE], [bit]: false } },
                },
              };
              expect(can(p, task, ctx)).toEqual({
                allowed: false,
                missing: [
                  expect.objectContaining({ requirement: `salesPermissions.recordTypeAccess.${bit}` }),
                ],
              });
            });
          }
          continue;
        }
        it(`denied without ${tok}`, () => {
          const w = without(base, tok, ctx);
          const d = can(w.profile, task, w.ctx);
          expect(d).toEqual({
            allowed: false,
            missing: [expect.objectContaining({ requirement: w.expect })],
          });
        });
        if (k === 'flag*') {
          it('allowed for an account admin without the flag', () => {
            const w = without(base, tok, ctx);
            const admin = {
              ...w.profile,
              group: { ...w.profile.group, administrative: { manageUsers: true } },
            };
            expect(can(admin, task, ctx)).toEqual({ allowed: true });
          });
        }
      }

      if (parsed.pkg) {
        it('denied on a package without the feature', () => {
          const lower: Package =
            parsed.pkg === 'scale_messages'
              ? 'elevate'
              : parsed.pkg === 'call_recordings'
                ? 'accelerate'
                : 'enhanced_records';
          expect(can({ ...base, package: lower }, task, ctx)).toEqual({
            allowed: false,
            missing: [expect.objectContaining({ requirement: `package:${parsed.pkg}` })],
          });
        });
      }

      if (parsed.rec) {
        it('an Agent CRM user is denied a record of an agent that is not theirs', () => {
          const p = { ...base, userType: 'agent_crm_user' as const, accessibleAgentIds: new Set<string>() };
          const d = can(p, task, ctx);
          expect(d.allowed).toBe(false);
          expect(!d.allowed && d.missing.map((m) => m.requirement)).toContain('accessibleAgents');
        });
      }
    });
  }
});

describe('can(): record scope', () => {
  const sales = minimalProfile(parse('agency SE RT:view+edit pkg:sales'));
  const rec = (assignedUserId: string | null, assignedAgentId: string | null): RecordContext => ({
    kind: 'sales_record',
    recordTypeId: TYPE,
    assignedUserId,
    assignedAgentId,
  });
  const other = '01900000-0000-7000-8000-0000000000c1';

  it('Record Access "assigned" allows records assigned to the user or to a Linked Agent only', () => {
    const p = {
      ...sales,
      sales: { ...sales.sales, recordAccess: 'assigned' as const },
      linkedAgentIds: new Set([other]),
    };
    expect(can(p, 'sales_record.view', { record: rec(ME, null) }).allowed).toBe(true);
    expect(can(p, 'sales_record.view', { record: rec(null, other) }).allowed).toBe(true);
    expect(can(p, 'sales_record.view', { record: rec(null, AGENT) })).toEqual({
      allowed: false,
      missing: [expect.objectContaining({ requirement: 'salesPermissions.recordAccess' })],
    });
    expect(can(p, 'sales_record.view', { record: rec(null, null) }).allowed).toBe(false);
  });

  it('a restricted group reaches unassigned records only when allowed to', () => {
    const restricted = {
      ...sales,
      group: {
        ...sales.group,
        recordAccess: { restriction: 'accessible_agents' as const, includeUnassigned: false },
      },
    };
    expect(can(restricted, 'sales_record.view', { record: rec(null, AGENT) }).allowed).toBe(true);
    expect(can(restricted, 'sales_record.view', { record: rec(null, other) }).allowed).toBe(false);
    expect(can(restricted, 'sales_record.view', { record: rec(null, null) }).allowed).toBe(false);
    const withUnassigned = {
      ...restricted,
      group: {
        ...restricted.group,
        recordAccess: { restriction: 'accessible_agents' as const, includeUnassigned: true },
      },
    };
    expect(can(withUnassigned, 'sales_record.view', { record: rec(null, null) }).allowed).toBe(true);
    expect(can(withUnassigned, 'sales_record.view', { record: rec(other, null) }).allowed).toBe(false);
    expect(
      can(restricted, 'soa.view.individual', { record: { kind: 'individual', servicingAgentId: other } })
        .allowed,
    ).toBe(false);
  });

  it('Record Type Access is per type: another type without the bit is denied', () => {
    expect(
      can(sales, 'sales_record.view', { record: { ...rec(ME, null), recordTypeId: other } } as CanContext)
        .allowed,
    ).toBe(false);
    expect(can(sales, 'sales_record.add', { recordTypeId: TYPE }).allowed).toBe(false);
    expect(can(sales, 'sales_record.view').allowed).toBe(true); // the list: some type is viewable
  });

  it('on Enhanced Records the Sales Enablement permission does not apply', () => {
    const p = minimalProfile(parse('IND:v'));
    expect(
      can({ ...p, package: 'enhanced_records' }, 'phone.call.individual', {
        record: { kind: 'individual', servicingAgentId: AGENT },
      }).allowed,
    ).toBe(true);
    expect(
      can({ ...p, package: 'accelerate' }, 'phone.call.individual', {
        record: { kind: 'individual', servicingAgentId: AGENT },
      }).allowed,
    ).toBe(false);
  });

  it('lists every unmet requirement at once', () => {
    const p = minimalProfile(parse(''));
    const d = can({ ...p, package: 'enhanced_records' }, 'workflow.manage');
    expect(!d.allowed && d.missing.map((m) => m.requirement)).toEqual([
      'package:sales',
      'userType:agency_user',
      'securityGroup.administrative.manageUsers',
      'securityGroup.marketing.visible',
    ]);
  });
});
