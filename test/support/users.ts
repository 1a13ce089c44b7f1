import {
  DEFAULT_SALES_PERMISSIONS,
  type SalesPermissions,
} from '../../src/modules/access/sales-permissions.ts';
import { NO_PERMISSIONS } from '../../src/modules/users/permissions.ts';
import { type Client, PASSWORD, type TestAccount, type TestApp, unique } from './app.ts';

/** A security group of `a` with Sales Enablement and Individuals (view, optionally edit) plus `extra`. */
export async function salesGroup(
  a: TestAccount,
  opts: { individualEdit?: boolean; extra?: Record<string, unknown> } = {},
): Promise<string> {
  const res = await a.admin.post('/api/v1/security-groups', {
    name: unique('Group '),
    permissions: {
      ...NO_PERMISSIONS,
      salesEnablement: { visible: true },
      individual: { visible: true, edit: opts.individualEdit ?? true },
      ...opts.extra,
    },
  });
  if (res.statusCode !== 201) throw new Error(`group: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A signed-in user of `a` in `group`, with the given sales permissions, password already changed. */
export async function signedInUser(
  t: TestApp,
  a: TestAccount,
  opts: {
    group: string;
    sales?: Partial<SalesPermissions>;
    userType?: 'agency_user' | 'agent_crm_user';
    linked?: string[];
    accessible?: string[];
  },
): Promise<{ id: string; client: Client }> {
  const username = unique('u');
  const res = await a.admin.post('/api/v1/users', {
    firstName: 'Sam',
    lastName: 'Seller',
    email: `${username}@example.test`,
    username,
    securityGroupId: opts.group,
    userType: opts.userType ?? 'agency_user',
    linkedAgentIds: opts.linked ?? [],
    accessibleAgentIds: opts.accessible ?? [],
    salesPermissions: { ...DEFAULT_SALES_PERMISSIONS, ...opts.sales },
    sendLoginInfo: false,
  });
  if (res.statusCode !== 201) throw new Error(`user: ${res.statusCode} ${res.body}`);
  const { temporaryPassword, user } = res.json<{ temporaryPassword: string; user: { id: string } }>();
  const client = await t.login(username, temporaryPassword);
  await client.post('/api/v1/me/password', { currentPassword: temporaryPassword, newPassword: PASSWORD });
  return { id: user.id, client };
}
