import { and, eq } from 'drizzle-orm';
import { activityStatuses, activityTypes } from '../modules/activities/schema.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { hashPassword } from '../lib/passwords.ts';
import { accounts } from '../modules/accounts/schema.ts';
import { agents, userAgentLinks } from '../modules/agents/schema.ts';
import { recordTypes } from '../modules/record-types/schema.ts';
import { teamMembers, teams } from '../modules/teams/schema.ts';
import { seedDemoPeople } from './demo-people.ts';
import { seedDemoWeek } from './demo-week.ts';
import { createSchedule } from '../modules/scheduler/index.ts';
import { ScheduleInput } from '../modules/scheduler/index.ts';
import { users } from '../modules/users/schema.ts';
import { securityGroups } from '../modules/users/schema.ts';
import { DEFAULT_SALES_PERMISSIONS, type SystemActor } from '../modules/access/index.ts';
import { createAccount } from '../modules/onboarding/index.ts';
import { NO_PERMISSIONS, insertUserWithLogins } from '../modules/users/index.ts';

export const DEMO_ACCOUNT = 'Sunrise Senior Benefits (demo)';
export const DEMO_PASSWORD = 'demo-password-2026';

/** [first, last, time zone, NPN, phone, user type] */
const PEOPLE = [
  ['Maria', 'Alvarez', 'America/New_York', '17283941', '+13055550142', 'agency_user'],
  ['James', 'Whitfield', 'America/Chicago', '17283942', '+13125550177', 'agency_user'],
  ['Priya', 'Natarajan', 'America/Denver', '17283943', '+13035550113', 'agency_user'],
  ['Tom', 'Okafor', 'America/Phoenix', '17283944', '+16025550190', 'agent_crm_user'],
  ['Linda', 'Kowalski', 'America/Los_Angeles', '17283945', '+12135550168', 'agency_user'],
] as const;

/**
 * A demo agency with realistic people, grown by each capability. Idempotent: if the demo account
 * exists it is left as it is.
 */
export async function seedDemo(
  deps: Deps,
): Promise<{ accountId: string; created: boolean; summary: string }> {
  const [existing] = await deps.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.name, DEMO_ACCOUNT));
  if (existing) {
    return {
      accountId: existing.id,
      created: false,
      summary: `The demo account already exists (${existing.id}).`,
    };
  }
  const created = await createAccount(deps.db, {
    name: DEMO_ACCOUNT,
    package: 'scale',
    timeZone: 'America/New_York',
    admin: {
      email: 'owner@sunrise-demo.test',
      username: 'demo.owner',
      firstName: 'Dana',
      lastName: 'Reyes',
      password: DEMO_PASSWORD,
    },
  });
  const accountId = created.account.id;
  const actor: SystemActor = { kind: 'system', accountId, accountPackage: 'scale', ctx: {} };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let counts = { salesRecords: 0, individuals: 0, policies: 0, notes: 0 };
  let week = { activities: 0, events: 0 };
  await deps.db.transaction(async (tx) => {
    const types = await tx
      .select({ id: recordTypes.id, name: recordTypes.name })
      .from(recordTypes)
      .where(eq(recordTypes.accountId, accountId));
    const work = Object.fromEntries(
      types
        .filter((t) => t.name !== 'Archive')
        .map((t) => [t.id, { view: true, add: true, edit: true, delete: false }]),
    );
    const archive = Object.fromEntries(
      types.filter((t) => t.name === 'Archive').map((t) => [t.id, { view: true }]),
    );

    const agentsGroup = newId();
    const downlineGroup = newId();
    await tx.insert(securityGroups).values([
      {
        accountId,
        id: agentsGroup,
        name: 'Sales Agents',
        permissions: {
          ...NO_PERMISSIONS,
          salesEnablement: { visible: true },
          individual: { visible: true, edit: true },
          agent: { visible: true, edit: false },
          reporting: { visible: true },
        },
      },
      {
        accountId,
        id: downlineGroup,
        name: 'Downline Agents',
        permissions: {
          ...NO_PERMISSIONS,
          salesEnablement: { visible: true },
          individual: { visible: true, edit: true },
          recordAccess: { restriction: 'accessible_agents', includeUnassigned: false },
        },
      },
    ]);
    const teamId = newId();
    await tx.insert(teams).values({ accountId, id: teamId, name: 'Medicare Team' });

    for (const [first, last, tz, npn, phone, userType] of PEOPLE) {
      const agentId = newId();
      const username = `${first}.${last}`.toLowerCase();
      await tx.insert(agents).values({
        accountId,
        id: agentId,
        firstName: first,
        lastName: last,
        npn,
        phone,
        email: `${username}@sunrise-demo.test`,
      });
      const user = await insertUserWithLogins(tx, actor, {
        email: `${username}@sunrise-demo.test`,
        username,
        firstName: first,
        lastName: last,
        passwordHash,
        timeZone: tz,
        securityGroupId: userType === 'agent_crm_user' ? downlineGroup : agentsGroup,
        mustChangePassword: false,
        userType,
        salesPermissions: {
          ...DEFAULT_SALES_PERMISSIONS,
          recordAccess: userType === 'agent_crm_user' ? 'assigned' : 'all',
          agentDropdownView: userType === 'agent_crm_user' ? 'self' : 'all',
          recordTypeAccess: { ...work, ...archive },
          flags: { ...DEFAULT_SALES_PERMISSIONS.flags, downloadReports: userType === 'agency_user' },
        },
      });
      await tx.insert(userAgentLinks).values([
        { accountId, userId: user.id, agentId, kind: 'linked' },
        { accountId, userId: user.id, agentId, kind: 'accessible' },
      ]);
      if (userType === 'agency_user')
        await tx.insert(teamMembers).values({ accountId, teamId, userId: user.id });
    }
    counts = await seedDemoPeople(tx, accountId);
    week = await seedDemoWeek(tx, accountId);
  });
  // A booking page: the agency's Medicare review, round-robin over two agents.
  const agentsOnSchedule = await deps.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.accountId, accountId));
  const [appointment] = await deps.db
    .select({ id: activityTypes.id })
    .from(activityTypes)
    .where(and(eq(activityTypes.accountId, accountId), eq(activityTypes.category, 'appointment')));
  const [scheduled] = await deps.db
    .select({ id: activityStatuses.id })
    .from(activityStatuses)
    .where(and(eq(activityStatuses.accountId, accountId), eq(activityStatuses.name, 'Scheduled')));
  const workday = [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ];
  await createSchedule(deps, {
    actor,
    input: ScheduleInput.parse({
      name: 'Medicare plan review',
      slug: 'sunrise-plan-review',
      timeZone: 'America/New_York',
      lengthMinutes: 30,
      weeklyHours: {
        monday: workday,
        tuesday: workday,
        wednesday: workday,
        thursday: workday,
        friday: workday,
        saturday: [],
        sunday: [],
      },
      bufferAfterMinutes: 10,
      minimumNoticeMinutes: 120,
      horizonDays: 30,
      activityTypeId: appointment!.id,
      activityStatusId: scheduled!.id,
      form: {
        phoneRequired: true,
        questions: [{ label: 'What would you like to review?', type: 'long_text', required: false }],
      },
      userIds: agentsOnSchedule
        .filter((u) => ['maria.alvarez', 'james.whitfield'].includes(u.username))
        .map((u) => u.id),
    }),
  });
  return {
    accountId,
    created: true,
    summary:
      `Created the demo agency "${DEMO_ACCOUNT}" (${accountId}) with ${counts.salesRecords} leads, ${counts.individuals} clients, ${counts.policies} policies, ${counts.notes} notes, ${week.activities} activities this week, ${week.events} history events and a booking page at /book/sunrise-plan-review.\n` +
      `Sign in as demo.owner (admin), maria.alvarez (agent) or tom.okafor (downline Agent CRM user); every demo password is ${DEMO_PASSWORD}`,
  };
}
