import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { type Actor, launchBrowser, newActor, saveScreenshot } from './support/browser.ts';
import { signIn } from './support/flows.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';
import { choose } from './support/ui.ts';

const ADMIN = { login: 'nora', password: 'nora-password-2026', firstName: 'Nora', lastName: 'Banks' };

type RecordType = {
  id: string;
  name: string;
  statuses: { id: string; name: string; isClosedWon: boolean }[];
};
type Api = Awaited<ReturnType<typeof apiAs>>;

/** Today as YYYY-MM-DD in the account's default time zone (the server's "today"). */
const todayEastern = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** A date shown as the app shows calendar dates, e.g. "Mar 4, 2026". */
const shown = (ymd: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${ymd}T00:00:00Z`),
  );

describe('a client: history, Sales Records, commissions and renewals', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Actor;
  let api: Api;
  let lead: RecordType;
  let renewal: RecordType;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await createAccount(server, {
      name: 'Bayside Benefits',
      username: ADMIN.login,
      email: 'nora@bayside.test',
      password: ADMIN.password,
      firstName: ADMIN.firstName,
      lastName: ADMIN.lastName,
    });
    admin = await newActor(browser, server.baseUrl);
    await signIn(admin.page, ADMIN.login, ADMIN.password, ADMIN.firstName);
    api = await apiAs(admin.page);
    [lead, renewal] = ((await api.get('/record-types')).body as { items: RecordType[] }).items as [
      RecordType,
      RecordType,
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens a converted client, shows its Sales Records and History, and tracks a commission and renewal', async () => {
    const { page } = admin;
    // A closed-won lead with a quoted policy, converted (the lead flow itself is leads.e2e.ts),
    // then a new sale to the same client.
    const won = lead.statuses.find((s) => s.isClosedWon)!.id;
    const created = await api.post('/sales-records', {
      firstName: 'Rosa',
      lastName: 'Delgado',
      email: 'rosa@example.test',
      statusId: won,
    });
    expect(created.status).toBe(201);
    const leadId = (created.body as { id: string }).id;
    // Effective a year ago next month: the annual renewal is about a month away.
    const today = todayEastern();
    const [y, m] = today.split('-').map(Number) as [number, number];
    const effective = `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    const policy = await api.post(`/sales-records/${leadId}/policies`, {
      carrier: 'Mutual of Omaha',
      product: 'Medicare Supplement G',
      premium: '142.00',
      effectiveDate: effective,
      status: 'active',
    });
    expect(policy.status).toBe(201);
    const converted = await api.post(`/sales-records/${leadId}/convert`, undefined);
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    const clientId = (converted.body as { individualId: string }).individualId;
    const newSale = await api.post(`/individuals/${clientId}/sales-records`, { recordTypeId: renewal.id });
    expect(newSale.status).toBe(201);

    // --- The client, found from the clients list ------------------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByRole('link', { name: 'Rosa Delgado' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rosa Delgado' }).waitFor();

    // --- Its Sales Records: the converted lead and the new sale, each a link ---------------------
    await page.getByRole('tab', { name: 'Sales Records' }).click();
    await expect.poll(() => page.getByTestId('client-sales-record').count()).toBe(2);
    const rows = await page.getByTestId('client-sales-record').allTextContents();
    expect(rows[0]).toContain(renewal.name);
    expect(rows[0]).toContain('Open');
    expect(rows[1]).toContain(lead.name);
    await expectAccessible(page, '/clients/$id?tab=sales-records');
    await page.getByTestId('client-sales-record').nth(1).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Rosa Delgado' }).waitFor();
    await page.getByText('Converted — read-only').waitFor();
    expect(page.url()).toContain(`/leads/${leadId}`);
    // The converted lead's Information tab shows its policy's commissions, read-only.
    await page.getByRole('heading', { name: 'Commissions and renewals' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Mutual of Omaha Medicare Supplement G' }).waitFor();
    expect(await page.getByRole('button', { name: /^Add commission/ }).count()).toBe(0);
    await expectAccessible(page, 'converted lead with commissions');
    await page.getByRole('link', { name: 'Open the client record' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rosa Delgado' }).waitFor();

    // --- Commissions and renewals on the Information tab ----------------------------------------
    const section = page.getByRole('region', { name: 'Mutual of Omaha Medicare Supplement G' });
    await section.waitFor();
    await expect(section.getByTestId('next-renewal').textContent()).resolves.toContain(
      'Choose how it renews',
    );
    await choose(page, 'Renews', 'Every year, on the anniversary', section);
    const renewsOn = `${y}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    const nextRenewal = m === 12 ? `${y + 1}-01-01` : renewsOn;
    await expect.poll(() => section.getByTestId('next-renewal').textContent()).toContain(shown(nextRenewal));
    await section.getByText('Renewal coming up').waitFor();
    await page.getByText(/Renewing in the next 90 days/).waitFor();

    await section.getByRole('button', { name: /^Add commission/ }).click();
    const dialog = page.getByRole('dialog', { name: /Add commission/ });
    await dialog.waitFor();
    // A bad rate is refused on its field, then a good one is saved.
    await dialog.getByRole('textbox', { name: 'Rate' }).fill('250');
    await dialog.getByRole('button', { name: 'Add commission' }).click();
    await dialog.getByText('Enter a percentage above 0 and at most 200').waitFor();
    await expectAccessible(page, 'add commission dialog with an error');
    await dialog.getByRole('textbox', { name: 'Rate' }).fill('22');
    await dialog.getByRole('button', { name: 'Add commission' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // 22% of 12 × $142.00 = $374.88
    await expect.poll(() => section.getByTestId('commission-row').first().textContent()).toContain('$374.88');
    await expect(section.getByTestId('commission-row').first().textContent()).resolves.toContain(
      'Mutual of Omaha',
    );

    await section.getByRole('button', { name: /^Add commission/ }).click();
    const second = page.getByRole('dialog', { name: /Add commission/ });
    await choose(page, 'Paid for', 'Renewal years', second);
    await choose(page, 'Basis', 'Flat amount a year', second);
    await second.getByRole('textbox', { name: 'Amount a year' }).fill('180');
    await second.getByRole('textbox', { name: 'Paid by' }).fill('Senior Market FMO');
    await second.getByRole('button', { name: 'Add commission' }).click();
    await second.waitFor({ state: 'hidden' });
    await expect.poll(() => section.getByTestId('commission-row').count()).toBe(2);
    const totals = await section.getByTestId('commission-totals').textContent();
    expect(totals).toContain('First year $374.88');
    expect(totals).toContain('Renewal years $180.00');
    await expectAccessible(page, '/clients/$id information with commissions');
    await saveScreenshot(page, 'client-commissions');

    const saved = (await api.get(`/individuals/${clientId}/commissions`)).body as {
      items: {
        nextRenewalDate: string;
        commissions: { amount: string | null; ratePercent: string | null }[];
      }[];
    };
    expect(saved.items[0]!.nextRenewalDate).toBe(nextRenewal);
    expect(saved.items[0]!.commissions.map((c) => c.ratePercent ?? c.amount)).toEqual(['22.000', '180.00']);

    // --- History: the conversion, the policy, the renewal cycle, the commissions ----------------
    await page.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => page.getByTestId('history-event').count()).toBe(5);
    const history = await page.getByTestId('history-event').allTextContents();
    expect(history[0]).toContain('Nora Banks added an expected commission');
    expect(history[0]).toContain('Senior Market FMO');
    expect(history[2]).toContain('changed a policy');
    expect(history[2]).toContain('Every year, on the anniversary');
    expect(history[3]).toContain('converted a Sales Record into this client');
    expect(history[4]).toContain('added the policy Mutual of Omaha Medicare Supplement G');
    await expectAccessible(page, '/clients/$id?tab=history');
    expect(admin.errors).toEqual([]);
  });

  it('shows a user with Record Access “assigned” only their own Sales Records of the client', async () => {
    const group = await api.post('/security-groups', {
      name: 'Service desk',
      permissions: {
        salesEnablement: { visible: true },
        individual: { visible: true, edit: false },
        agent: { visible: false, edit: false },
        administrative: { manageUsers: false },
        marketing: { visible: false },
        reporting: { visible: false },
        recordAccess: { restriction: 'none', includeUnassigned: false },
      },
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const user = await api.post('/users', {
      firstName: 'Leo',
      lastName: 'Service',
      email: 'leo@bayside.test',
      username: 'leo.service',
      securityGroupId: (group.body as { id: string }).id,
      salesPermissions: {
        textingWindow: { start: '08:00', end: '19:00' },
        recordAccess: 'assigned',
        agentDropdownView: 'all',
        recordTypeAccess: { [lead.id]: { view: true }, [renewal.id]: { view: true } },
        flags: {
          downloadReports: false,
          viewMessagesTab: false,
          viewAllSms: false,
          viewMissedCalls: false,
          viewUnassignedRecordings: false,
        },
      },
      sendLoginInfo: false,
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const { temporaryPassword, user: leo } = user.body as { temporaryPassword: string; user: { id: string } };
    const client = ((await api.get('/individuals?q=Delgado')).body as { items: { id: string }[] }).items[0]!
      .id;
    const mine = await api.post(`/individuals/${client}/sales-records`, {
      recordTypeId: renewal.id,
      assignedUserId: leo.id,
    });
    expect(mine.status).toBe(201);

    const other = await newActor(browser, server.baseUrl);
    const login = await other.page.request.post('/api/v1/session', {
      data: { login: 'leo.service', password: temporaryPassword },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const changed = await other.page.request.post('/api/v1/me/password', {
      headers: { 'x-csrf-token': csrfToken },
      data: { currentPassword: temporaryPassword, newPassword: 'leo-own-password-2026' },
    });
    expect(changed.status()).toBeLessThan(300);
    await other.page.goto(`/clients/${client}?tab=sales-records`);
    await other.page.getByRole('heading', { level: 1, name: 'Rosa Delgado' }).waitFor();
    await expect.poll(() => other.page.getByTestId('client-sales-record').count()).toBe(1);
    await other.page
      .getByTestId('client-sales-record')
      .getByRole('link', { name: new RegExp(renewal.name) })
      .waitFor();
    await expectAccessible(other.page, '/clients/$id?tab=sales-records as a user with assigned access');
    // Read-only on the client: commissions are shown without edit buttons.
    await other.page.getByRole('tab', { name: 'Information' }).click();
    await other.page
      .getByRole('heading', { level: 3, name: 'Mutual of Omaha Medicare Supplement G' })
      .waitFor();
    expect(await other.page.getByRole('button', { name: /^Add commission/ }).count()).toBe(0);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });
});
