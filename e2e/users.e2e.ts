import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { type Actor, launchBrowser, newActor, saveScreenshot } from './support/browser.ts';
import { pathOf, signIn, submitSignIn } from './support/flows.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';

const ADMIN = { login: 'ava', password: 'ava-password-2026', firstName: 'Ava', lastName: 'Stone' };
const AGENCY = 'Northwind Benefits';

/** Open a settings page from the navigation and wait for its heading. */
async function openSettings(page: Page, link: string, heading = link): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

/** Pick `option` in the Mantine Select or MultiSelect labelled `label`. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page
    .getByRole('textbox', { name: label, exact: true })
    .or(page.getByRole('combobox', { name: label, exact: true }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

/** Pick a segment of a Mantine SegmentedControl (its radio is visually hidden; the label is clicked). */
async function pickSegment(page: Page, name: string): Promise<void> {
  const id = await page.getByRole('radio', { name, exact: true }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

describe('users, security groups, teams, agents and record types', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Actor;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await createAccount(server, {
      name: AGENCY,
      username: ADMIN.login,
      email: 'ava@northwind.test',
      password: ADMIN.password,
      firstName: ADMIN.firstName,
      lastName: ADMIN.lastName,
    });
    admin = await newActor(browser, server.baseUrl);
    await signIn(admin.page, ADMIN.login, ADMIN.password, ADMIN.firstName);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets up a limited user who signs in with the emailed password, sees only what they may, and is signed out when suspended', async () => {
    const { page } = admin;

    // --- Account: name the first custom user field ----------------------------------------------
    await openSettings(page, 'Account', 'Account settings');
    await page.getByRole('textbox', { name: 'Custom field 1 label' }).fill('License state');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The account settings are saved.').waitFor();
    await expectAccessible(page, '/settings/account with custom field labels');

    // --- Security group with limited permissions ---------------------------------------------------
    await openSettings(page, 'Security groups');
    await expectAccessible(page, '/settings/security-groups');
    await page.getByRole('link', { name: 'New security group' }).click();
    await page.getByRole('heading', { level: 1, name: 'New security group' }).waitFor();
    await page.getByRole('textbox', { name: 'Group name' }).fill('Field Agents');
    const category = (name: string) => page.getByRole('group', { name, exact: true });
    await category('Sales Enablement').getByRole('checkbox', { name: 'Visible' }).check();
    await category('Individual').getByRole('checkbox', { name: 'Visible' }).check();
    // Edit implies Visible, and Visible off takes Edit with it.
    const agentVisible = category('Agent').getByRole('checkbox', { name: 'Visible' });
    const agentEdit = category('Agent').getByRole('checkbox', { name: 'Edit' });
    await agentEdit.check();
    await expect(agentVisible.isChecked()).resolves.toBe(true);
    await agentVisible.uncheck();
    await expect(agentEdit.isChecked()).resolves.toBe(false);
    await expect(
      category('Administrative').getByRole('checkbox', { name: 'Manage Users' }).isChecked(),
    ).resolves.toBe(false);
    await expect(
      page.getByRole('checkbox', { name: 'Also include unassigned records' }).isDisabled(),
    ).resolves.toBe(true);
    await expectAccessible(page, '/settings/security-groups/new');
    await saveScreenshot(page, 'security-groups');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { level: 1, name: 'Security groups' }).waitFor();
    const groupRow = page.getByTestId('security-group-row').filter({ hasText: 'Field Agents' });
    await expect.poll(() => groupRow.textContent()).toContain('Sales Enablement');
    await expect(groupRow.textContent()).resolves.toContain('Individual: view');
    await expectAccessible(page, '/settings/security-groups with a new group');

    // --- An Agent Record -------------------------------------------------------------------------
    await openSettings(page, 'Agent records');
    await expectAccessible(page, '/settings/agents (empty)');
    await page.getByRole('button', { name: 'New Agent Record' }).click();
    const agentDialog = page.getByRole('dialog', { name: 'New Agent Record' });
    await agentDialog.getByRole('textbox', { name: 'First name' }).fill('Sam');
    await agentDialog.getByRole('textbox', { name: 'Last name' }).fill('Rivera');
    await agentDialog.getByRole('textbox', { name: 'NPN' }).fill('1234567');
    await agentDialog.getByRole('textbox', { name: 'Email' }).fill('sam.rivera@northwind.test');
    await agentDialog.getByRole('textbox', { name: 'Phone' }).fill('312 201 3344');
    await expectAccessible(page, 'new Agent Record dialog');
    await agentDialog.getByRole('button', { name: 'Create Agent Record' }).click();
    await agentDialog.waitFor({ state: 'hidden' });
    const agentRow = page.getByTestId('agent-row').filter({ hasText: 'Sam Rivera' });
    await expect.poll(() => agentRow.textContent()).toContain('(312) 201-3344');
    await expectAccessible(page, '/settings/agents');

    // --- A team ----------------------------------------------------------------------------------
    await openSettings(page, 'Teams');
    await page.getByRole('button', { name: 'New team' }).click();
    const teamDialog = page.getByRole('dialog', { name: 'New team' });
    await teamDialog.getByRole('textbox', { name: 'Team name' }).fill('Medicare desk');
    await choose(page, 'Members', 'Ava Stone');
    await expectAccessible(page, 'new team dialog');
    await teamDialog.getByRole('button', { name: 'Create team' }).click();
    await teamDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('team-row').textContent()).toContain('Ava Stone');
    await expectAccessible(page, '/settings/teams');

    // --- The user: Details, then Sales -----------------------------------------------------------
    await openSettings(page, 'Users');
    await expectAccessible(page, '/settings/users');
    await page.getByRole('link', { name: 'New user' }).click();
    await page.getByRole('heading', { level: 1, name: 'New user' }).waitFor();
    await page.getByRole('textbox', { name: 'First name' }).fill('Jordan');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Lee');
    await page.getByRole('textbox', { name: 'Email' }).fill('jordan.lee@northwind.test');
    await page.getByRole('textbox', { name: 'Username' }).fill('jordan.lee');
    await choose(page, 'Security group', 'Field Agents');
    await page.getByTestId('group-summary').getByText('Individual: view').waitFor();
    await choose(page, 'Linked Agents', /Sam Rivera/);
    await choose(page, 'Teams', 'Medicare desk');
    await expectAccessible(page, '/settings/users/new (Details)');

    await page.getByRole('tab', { name: 'Sales' }).click();
    await page.getByRole('radio', { name: 'Only records assigned to them' }).check();
    await page.getByRole('checkbox', { name: 'View Lead' }).check();
    await page.getByRole('checkbox', { name: 'Edit Lead' }).check();
    await page.getByRole('textbox', { name: 'License state' }).fill('FL');
    await page.getByRole('switch', { name: 'Can download reports' }).check();
    await expectAccessible(page, '/settings/users/new (Sales)');
    await page
      .getByRole('heading', { name: 'Record type access' })
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, 'user-sales');

    await page.getByRole('button', { name: 'Save & Email Login Info' }).click();
    await page.getByText('Login info for Jordan Lee was emailed to jordan.lee@northwind.test.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Jordan Lee' }).waitFor();
    const userId = pathOf(page).split('/').pop()!.split('?')[0]!;
    const api = await apiAs(page);
    const saved = (await api.get(`/users/${userId}`)).body as {
      salesPermissions: {
        recordAccess: string;
        recordTypeAccess: Record<string, unknown>;
        flags: Record<string, boolean>;
      };
      customFields: string[];
      linkedAgentIds: string[];
      teamIds: string[];
      mustChangePassword: boolean;
    };
    expect(saved.salesPermissions.recordAccess).toBe('assigned');
    expect(Object.values(saved.salesPermissions.recordTypeAccess)).toEqual([{ view: true, edit: true }]);
    expect(saved.salesPermissions.flags.downloadReports).toBe(true);
    expect(saved.customFields).toEqual(['FL', '', '', '']);
    expect(saved.linkedAgentIds).toHaveLength(1);
    expect(saved.teamIds).toHaveLength(1);
    expect(saved.mustChangePassword).toBe(true);
    await expectAccessible(page, '/settings/users/$id');

    await openSettings(page, 'Users');
    const userRow = page.getByTestId('user-row').filter({ hasText: 'Jordan Lee' });
    await expect.poll(() => userRow.textContent()).toContain('Field Agents');
    await expect(userRow.textContent()).resolves.toContain('Medicare desk');
    await saveScreenshot(page, 'users');
    // "/" jumps to the search; the filter lives in the address.
    await page.keyboard.press('/');
    await page.keyboard.type('jord');
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);
    expect(pathOf(page)).toBe('/settings/users?q=jord');
    await page.getByRole('searchbox', { name: 'Search users' }).fill('nobody-like-this');
    await page.getByText('No users match').waitFor();
    await expectAccessible(page, '/settings/users with no match');

    // --- The login email, from the Outbox --------------------------------------------------------
    await openSettings(page, 'Outbox');
    await page.getByRole('button', { name: `Your OpenAMS login for ${AGENCY}` }).click();
    const email = page.getByRole('dialog', { name: `Your OpenAMS login for ${AGENCY}` });
    const body = (await email.getByTestId('email-body').textContent()) ?? '';
    expect(body).toContain('Username: jordan.lee');
    const temporary = /Temporary password: (\S+)/.exec(body)?.[1];
    expect(temporary).toBeTruthy();
    await page.keyboard.press('Escape');

    // --- The user signs in, must choose a password, and sees no Settings ------------------------
    const user = await newActor(browser, server.baseUrl);
    await user.page.goto('/login');
    await submitSignIn(user.page, 'jordan.lee', temporary!);
    await user.page.waitForURL('**/change-password');
    await user.page.getByLabel('Temporary password').fill(temporary!);
    await user.page.getByRole('textbox', { name: 'New password', exact: true }).fill('jordan-own-password-1');
    await user.page.getByLabel('Confirm new password').fill('jordan-own-password-1');
    await user.page.getByRole('button', { name: 'Set password and continue' }).click();
    await user.page.getByRole('heading', { level: 1, name: 'Welcome, Jordan' }).waitFor();
    // Sales Enablement and Individual (view) with View on Lead: the sales screens, no Settings.
    await expect(user.page.getByRole('navigation').getByRole('link').allTextContents()).resolves.toEqual([
      'Home',
      'Dashboard',
      'Leads',
      'Calendar',
      'Clients',
    ]);
    await expectAccessible(user.page, 'Home of a limited user');

    // Settings addresses show a "no access" page there, saying why; the users list is never shown.
    await user.page.goto('/settings/users');
    await user.page.getByRole('heading', { level: 1, name: 'You don’t have access to Settings' }).waitFor();
    expect(pathOf(user.page)).toBe('/settings/users');
    await expectAccessible(user.page, 'No access to Settings');
    await expect(user.page.getByTestId('user-row').count()).resolves.toBe(0);
    await expect(user.page.getByRole('heading', { name: 'Users', exact: true }).count()).resolves.toBe(0);
    expect((await user.page.request.get('/api/v1/users')).status()).toBe(403);

    // Their sales profile: phone, two sales rep IDs (the second the default), a drawn signature.
    await user.page.getByRole('button', { name: 'User menu for Jordan Lee' }).click();
    await user.page.getByRole('menuitem', { name: 'Profile' }).click();
    await user.page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    const profile = user.page.getByRole('form', { name: 'Sales profile' });
    await profile.getByRole('textbox', { name: 'Phone' }).fill('(312) 777-0199');
    await profile.getByRole('textbox', { name: 'NPN' }).fill('7654321');
    await profile.getByRole('button', { name: 'Add sales rep ID' }).click();
    await profile.getByRole('textbox', { name: 'Sales rep ID 1' }).fill('HUM-1001');
    await profile.getByRole('button', { name: 'Add sales rep ID' }).click();
    await profile.getByRole('textbox', { name: 'Sales rep ID 2' }).fill('AET-2002');
    await profile.getByRole('radio', { name: 'Sales rep ID 2 is the default' }).check();
    await profile.getByText('Typed', { exact: true }).click();
    await profile.getByRole('textbox', { name: 'Your signature, typed' }).fill('Jordan Lee');
    await expect(profile.getByTestId('typed-signature-preview').textContent()).resolves.toBe('Jordan Lee');
    await expectAccessible(user.page, '/profile with a typed signature');
    await profile.getByText('Drawn', { exact: true }).click();
    const canvas = profile.getByTestId('signature-canvas');
    const box = (await canvas.boundingBox())!;
    await user.page.mouse.move(box.x + 30, box.y + box.height * 0.7);
    await user.page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await user.page.mouse.move(box.x + 30 + i * 25, box.y + box.height * (0.7 - 0.4 * Math.sin(i / 2)));
    }
    await user.page.mouse.up();
    await expectAccessible(user.page, '/profile with a drawn signature');
    await profile.getByRole('button', { name: 'Save sales profile' }).click();
    await user.page.getByText('Your sender details are saved.').waitFor();
    const salesProfile = (await (await apiAs(user.page)).get('/me/sales-profile')).body as {
      phone: string;
      npn: string;
      signature: { kind: string; dataUrl: string };
      salesRepIds: { value: string; isDefault: boolean }[];
    };
    expect(salesProfile.phone).toBe('+13127770199');
    expect(salesProfile.npn).toBe('7654321');
    expect(salesProfile.signature.kind).toBe('drawn');
    expect(salesProfile.signature.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(salesProfile.salesRepIds.toSorted((a, b) => a.value.localeCompare(b.value))).toEqual([
      { value: 'AET-2002', isDefault: true },
      { value: 'HUM-1001', isDefault: false },
    ]);
    await user.page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await user.page.getByRole('heading', { level: 1, name: 'Welcome, Jordan' }).waitFor();

    // --- The admin suspends the user -------------------------------------------------------------
    await openSettings(page, 'Users');
    await page.getByRole('link', { name: 'Jordan Lee' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jordan Lee' }).waitFor();
    await page.getByRole('button', { name: 'Suspend' }).click();
    const suspendDialog = page.getByRole('dialog', { name: 'Suspend Jordan Lee?' });
    await suspendDialog.getByText('can be reactivated 14 days after the suspension').waitFor();
    await expectAccessible(page, 'suspend dialog');
    await suspendDialog.getByRole('button', { name: 'Suspend user' }).click();
    await page.getByText('Jordan Lee was signed out and can no longer sign in.').waitFor();
    const reactivate = page.getByRole('button', { name: 'Reactivate' });
    await reactivate.waitFor();
    await expect(reactivate.isDisabled()).resolves.toBe(true);
    const suspended = (await api.get(`/users/${userId}`)).body as { reactivationAllowedAt: string };
    const allowedAt = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'America/New_York',
    }).format(new Date(suspended.reactivationAllowedAt));
    await page.getByText(`Reactivation possible from ${allowedAt}`).waitFor();
    await expectAccessible(page, '/settings/users/$id suspended');

    // The suspended user's next click ends on the sign-in page.
    await user.page.waitForTimeout(3_100);
    await user.page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await user.page.waitForURL('**/login**');
    await user.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await submitSignIn(user.page, 'jordan.lee', 'jordan-own-password-1');
    await user.page.getByRole('alert').filter({ hasText: 'suspended' }).waitFor();
    expect(pathOf(user.page)).toMatch(/^\/login/);

    // The suspended filter lists them with the reactivation date.
    await openSettings(page, 'Users');
    await pickSegment(page, 'Suspended');
    // Wait for the filtered list itself (the previous list can still be on screen for a moment).
    await page.getByTestId('user-row').filter({ hasText: 'reactivation from' }).first().waitFor();
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);

    expect(user.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await user.context.close();
    // A long story with two people: more time than the default on a busy machine.
  }, 240_000);

  it('creates a user with “Save”: the temporary password is shown once; an Agent CRM user needs an Accessible Agent', async () => {
    const { page } = admin;
    await openSettings(page, 'Users');
    await page.getByRole('link', { name: 'New user' }).click();
    await page.getByRole('heading', { level: 1, name: 'New user' }).waitFor();
    await page.getByRole('textbox', { name: 'First name' }).fill('Casey');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Kim');
    await page.getByRole('textbox', { name: 'Email' }).fill('casey.kim@northwind.test');
    await page.getByRole('textbox', { name: 'Username' }).fill('casey');
    await page.getByRole('radio', { name: 'Agent CRM user' }).check();
    await choose(page, 'Security group', 'Field Agents');
    // Asked on the Sales tab, the form goes back to Details where the problem is.
    await page.getByRole('tab', { name: 'Sales' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('An Agent CRM user needs at least one Accessible Agent.').waitFor();
    await expect(page.getByRole('tab', { name: /Details/ }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    await expectAccessible(page, '/settings/users/new with an error');

    await choose(page, 'Accessible Agents', /Sam Rivera/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Temporary password' });
    const password = (await dialog.getByTestId('temporary-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    await dialog.getByRole('button', { name: 'Copy password' }).waitFor();
    await expectAccessible(page, 'temporary password dialog');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { level: 1, name: 'Casey Kim' }).waitFor();

    // The password works (and must be changed first).
    const res = await fetch(`${server.baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'casey', password }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);

    // Delete, with a confirmation that history stays attributed.
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Casey Kim?' });
    await confirm.getByText('stays attributed to them').waitFor();
    await expectAccessible(page, 'delete user dialog');
    await confirm.getByRole('button', { name: 'Delete user' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByText('Casey Kim was deleted.').waitFor();
    expect(admin.errors).toEqual([]);
  });

  it('edits record types and refuses an eleventh', async () => {
    const { page } = admin;
    await openSettings(page, 'Record types');
    await expect.poll(() => page.getByTestId('record-type-count').textContent()).toBe('3 of 10 record types');
    await expectAccessible(page, '/settings/record-types');

    // A new type: rename, add, move and remove statuses; one is "closed won".
    await page.getByRole('button', { name: 'New record type' }).click();
    const dialog = page.getByRole('dialog', { name: 'New record type' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Medicare Advantage');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('MA enrollments during AEP and SEPs.');
    await dialog.getByRole('textbox', { name: 'Status 2 name' }).fill('Appointment set');
    await dialog.getByRole('button', { name: 'Add status' }).click();
    await page.keyboard.type('Quoted');
    await dialog.getByRole('button', { name: 'Move Quoted up' }).click();
    // Focus stays on the moved status' button, so it can be pressed again from the keyboard.
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Remove Closed lost' }).click();
    const names = async () => {
      const inputs = await dialog.getByRole('textbox', { name: /^Status \d+ name$/ }).all();
      return Promise.all(inputs.map((input) => input.inputValue()));
    };
    await expect(names()).resolves.toEqual(['New', 'Appointment set', 'Quoted', 'Closed won']);
    await expect(dialog.getByRole('radio', { name: 'Closed won is closed won' }).isChecked()).resolves.toBe(
      true,
    );
    await expectAccessible(page, 'new record type dialog');
    await dialog.getByRole('button', { name: 'Create record type' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('record-type-row').filter({ hasText: 'Medicare Advantage' });
    await expect.poll(() => row.textContent()).toContain('NewAppointment setQuotedClosed won');
    await expect(page.getByTestId('record-type-count').textContent()).resolves.toBe('4 of 10 record types');

    // It becomes the default.
    await choose(page, 'Default record type', 'Medicare Advantage');
    await page.getByText('New Sales Records are now “Medicare Advantage”.').waitFor();
    await expect.poll(() => row.textContent()).toContain('Default');
    await expectAccessible(page, '/settings/record-types with a new type');
    await saveScreenshot(page, 'record-types');

    // Six more through the API make ten; the page still shows four when the eleventh is tried.
    const api = await apiAs(page);
    for (let i = 5; i <= 10; i++) {
      const res = await api.post('/record-types', { name: `Type ${i}`, statuses: [{ name: 'Open' }] });
      expect(res.status).toBe(201);
    }
    await page.getByRole('button', { name: 'New record type' }).click();
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Eleventh');
    await dialog.getByRole('button', { name: 'Create record type' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'An account can have at most 10 record types.' })
      .waitFor();
    await expectAccessible(page, 'record type dialog with the limit message');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => page.getByTestId('record-type-count').textContent())
      .toBe('10 of 10 record types');
    await page.getByText('Limit reached').waitFor();
    await expect(page.getByRole('button', { name: 'New record type' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, '/settings/record-types at the limit');
    expect(admin.errors).toEqual([]);
  });

  it('offers the Scale-only permissions disabled on other packages', async () => {
    await createAccount(server, {
      name: 'Bayview Insurance',
      package: 'accelerate',
      username: 'bea',
      email: 'bea@bayview.test',
      password: 'bea-password-2026',
      firstName: 'Bea',
      lastName: 'Moss',
    });
    const other = await newActor(browser, server.baseUrl);
    await signIn(other.page, 'bea', 'bea-password-2026', 'Bea');
    await other.page.goto('/settings/users/new?tab=sales');
    await other.page.getByRole('heading', { level: 1, name: 'New user' }).waitFor();
    for (const name of ['Can view missed calls', 'Can view unassigned recordings']) {
      const flag = other.page.getByRole('switch', { name });
      await expect(flag.isDisabled()).resolves.toBe(true);
    }
    await expect(other.page.getByRole('switch', { name: 'Can download reports' }).isDisabled()).resolves.toBe(
      false,
    );
    await other.page
      .getByText('Available on the Scale package only (this account is on Accelerate).')
      .first()
      .waitFor();
    await expectAccessible(other.page, '/settings/users/new on Accelerate');
    expect(other.errors).toEqual([]);
    await other.context.close();
  });
});
