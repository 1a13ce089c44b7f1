import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { type Actor, launchBrowser, newActor, saveScreenshot } from './support/browser.ts';
import { pathOf, signIn } from './support/flows.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';
import { choose, SMALL_PDF, toast } from './support/ui.ts';

const ADMIN = { login: 'maya', password: 'maya-password-2026', firstName: 'Maya', lastName: 'Chen' };

type RecordType = {
  id: string;
  name: string;
  statuses: { id: string; name: string; isClosedWon: boolean }[];
};
type Api = Awaited<ReturnType<typeof apiAs>>;

const idOf = (page: Page) => pathOf(page).split('?')[0]!.split('/').pop()!;

async function openNav(page: Page, link: string, heading = link): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

describe('Sales Records, clients and conversion', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Actor;
  let api: Api;
  let types: RecordType[];
  const typeNamed = (name: string) => types.find((t) => t.name === name)!;
  const statusOf = (type: string, status: string) =>
    typeNamed(type).statuses.find((s) => s.name === status)!.id;
  const agents: { sam: string; omar: string } = { sam: '', omar: '' };

  const createLead = async (fields: Record<string, unknown>) => {
    const res = await api.post('/sales-records', fields);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await createAccount(server, {
      name: 'Harbor Health Agency',
      username: ADMIN.login,
      email: 'maya@harbor.test',
      password: ADMIN.password,
      firstName: ADMIN.firstName,
      lastName: ADMIN.lastName,
    });
    admin = await newActor(browser, server.baseUrl);
    await signIn(admin.page, ADMIN.login, ADMIN.password, ADMIN.firstName);
    api = await apiAs(admin.page);
    types = ((await api.get('/record-types')).body as { items: RecordType[] }).items;
    for (const [key, first, last] of [
      ['sam', 'Sam', 'Rivera'],
      ['omar', 'Omar', 'Diaz'],
    ] as const) {
      const res = await api.post('/agents', { firstName: first, lastName: last });
      expect(res.status).toBe(201);
      agents[key] = (res.body as { id: string }).id;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a lead in the browser, works it, converts it, and finds everything on the client', async () => {
    const { page } = admin;

    // --- A pick-list custom field on Sales Records ----------------------------------------------
    await openNav(page, 'Custom fields');
    await page.getByText('No custom fields on Sales Records').waitFor();
    await page.getByRole('button', { name: 'New field' }).click();
    const fieldDialog = page.getByRole('dialog', { name: 'New field on Sales Records' });
    await fieldDialog.getByRole('textbox', { name: 'Label' }).fill('Plan interest');
    await expect(fieldDialog.getByRole('textbox', { name: 'Key' }).inputValue()).resolves.toBe(
      'plan_interest',
    );
    await choose(page, 'Type', 'Pick list', fieldDialog);
    const options = fieldDialog.getByRole('combobox', { name: 'Options' });
    await options.fill('Medicare Advantage');
    await options.press('Enter');
    await options.fill('Medigap');
    await options.press('Enter');
    await expectAccessible(page, 'new custom field dialog');
    await fieldDialog.getByRole('button', { name: 'Create field' }).click();
    await fieldDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('custom-field-row').textContent()).toContain('Medigap');
    await expectAccessible(page, '/settings/custom-fields');

    // --- New lead ----------------------------------------------------------------------------
    await openNav(page, 'Leads');
    await page.getByText('No leads yet').waitFor();
    await expectAccessible(page, '/leads (empty)');
    await page.getByRole('link', { name: 'New lead' }).click();
    await page.getByRole('heading', { level: 1, name: 'New lead' }).waitFor();
    await page.getByRole('textbox', { name: 'First name' }).fill('Pat');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Quinn');
    await page.getByRole('textbox', { name: 'Date of birth' }).fill('1957-04-12');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('pat.quinn@example.test');
    await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('312 201 3344');
    await page.getByRole('textbox', { name: 'City' }).fill('Tampa');
    await choose(page, 'State', 'FL');
    await page.getByRole('textbox', { name: 'ZIP' }).fill('33602');
    await choose(page, 'Agent', /Sam Rivera/);
    await choose(page, 'Plan interest', 'Medicare Advantage');
    // The server's refusal lands on its field (the browser does not check Medicare numbers).
    const mbi = page.getByRole('textbox', { name: 'Medicare number (MBI)' });
    await mbi.fill('1EG4-TE5-MK7');
    await page.getByRole('button', { name: 'Create lead' }).click();
    await expect.poll(() => mbi.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Must be a Medicare Beneficiary Identifier').waitFor();
    await expectAccessible(page, '/leads/new with a field error');
    await mbi.fill('1EG4-TE5-MK73');
    await page.keyboard.press('Control+s');
    await toast(page, 'Pat Quinn was added.');
    await page.getByRole('heading', { level: 1, name: 'Pat Quinn' }).waitFor();
    const leadId = idOf(page);
    const saved = (await api.get(`/sales-records/${leadId}`)).body as Record<string, unknown>;
    expect(saved.phone).toBe('+13122013344');
    expect(saved.medicareNumber).toBe('1EG4TE5MK73');
    expect(saved.assignedAgentId).toBe(agents.sam);
    expect(saved.customFields).toEqual({ plan_interest: 'Medicare Advantage' });
    await expect(page.getByRole('textbox', { name: 'Phone', exact: true }).inputValue()).resolves.toBe(
      '(312) 201-3344',
    );
    await expectAccessible(page, '/leads/$id');
    await saveScreenshot(page, 'lead');

    // Ctrl+S saves an edit, and only what changed.
    await page.getByRole('textbox', { name: 'Product' }).fill('Gold Plus HMO');
    await page.keyboard.press('Control+s');
    await toast(page, 'Pat Quinn’s changes are saved.');

    // --- Notes -------------------------------------------------------------------------------
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('textbox', { name: 'New note' }).fill('Wants a plan with dental. Call back Friday.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect
      .poll(() => page.getByTestId('note').first().textContent())
      .toContain('Wants a plan with dental');
    await expect(page.getByTestId('note').first().textContent()).resolves.toContain('Maya Chen');
    await expectAccessible(page, 'lead notes');
    // A note written by mistake is removed after a confirmation; the history keeps what it said.
    await page.getByRole('textbox', { name: 'New note' }).fill('Wrong lead, ignore.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => page.getByTestId('note').count()).toBe(2);
    await page.getByTestId('note').first().getByRole('button', { name: 'Remove this note' }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => page.getByTestId('note').count()).toBe(1);
    await expect(page.getByTestId('note').first().textContent()).resolves.toContain(
      'Wants a plan with dental',
    );

    // --- Files: a refused upload says why; a PDF and a link are attached ----------------------
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByText(/up to 25 MB/).waitFor();
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'fake.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('hello'),
    });
    await page.getByText('The file was not uploaded').waitFor();
    await page.getByText('not a real .pdf file').waitFor();
    await fileInput.setInputFiles({
      name: 'scope-of-appointment.pdf',
      mimeType: 'application/pdf',
      buffer: SMALL_PDF,
    });
    await toast(page, '“scope-of-appointment.pdf” is attached.');
    await page.getByRole('textbox', { name: 'Link name' }).fill('Plan brochure');
    await page.getByRole('textbox', { name: 'URL' }).fill('https://example.test/brochure');
    await page.getByRole('button', { name: 'Attach link' }).click();
    await expect.poll(() => page.getByTestId('file-row').count()).toBe(2);
    await page.getByRole('button', { name: 'Remove Plan brochure' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Remove link?' });
    await removeDialog.getByText('will be removed from this record').waitFor();
    await expectAccessible(page, 'remove link dialog');
    await removeDialog.getByRole('button', { name: 'Cancel' }).click();
    await removeDialog.waitFor({ state: 'hidden' });
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download scope-of-appointment.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('scope-of-appointment.pdf');
    await expectAccessible(page, 'lead files');

    // --- Policies ----------------------------------------------------------------------------
    await page.getByRole('tab', { name: 'Policies' }).click();
    await page.getByRole('button', { name: 'Add policy' }).click();
    const policyDialog = page.getByRole('dialog', { name: 'Add policy' });
    await policyDialog.getByRole('textbox', { name: 'Carrier' }).fill('Humana');
    await policyDialog.getByRole('textbox', { name: 'Product' }).fill('Gold Plus HMO');
    await policyDialog.getByRole('textbox', { name: 'Coverage type' }).fill('Medicare Advantage');
    await policyDialog.getByRole('textbox', { name: 'Premium' }).fill('29.50');
    await policyDialog.getByRole('textbox', { name: 'Effective date' }).fill('2026-01-01');
    await expectAccessible(page, 'add policy dialog');
    await policyDialog.getByRole('button', { name: 'Add policy' }).click();
    await policyDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('policy-row').textContent()).toContain('$29.50');
    await expectAccessible(page, 'lead policies');

    // --- Closed won, then convert ----------------------------------------------------------------
    expect(await page.getByRole('button', { name: 'Convert to client' }).count()).toBe(0);
    await choose(page, 'Status', 'Closed won');
    await toast(page, 'Status changed to Closed won.');
    await page.getByRole('button', { name: 'Convert to client' }).click();
    const convertDialog = page.getByRole('dialog', { name: 'Convert to a client?' });
    await convertDialog.getByText('stays, read-only').waitFor();
    await expectAccessible(page, 'convert dialog');
    await convertDialog.getByRole('button', { name: 'Convert to client' }).click();
    await page.waitForURL(/\/clients\//);
    await page.getByRole('heading', { level: 1, name: 'Pat Quinn' }).waitFor();
    await page.getByText('Servicing agent: Sam Rivera').waitFor();
    await expectAccessible(page, '/clients/$id');
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect
      .poll(() => page.getByTestId('note').first().textContent())
      .toContain('Wants a plan with dental');
    await page.getByTestId('note').first().getByText('From the Sales Record').waitFor();
    await page.getByRole('tab', { name: 'Files' }).click();
    await expect.poll(() => page.getByTestId('file-row').count()).toBe(2);
    await page.getByRole('tab', { name: 'Policies' }).click();
    await expect.poll(() => page.getByTestId('policy-row').textContent()).toContain('Humana');
    await expectAccessible(page, 'client policies');

    // A new sale to the existing client: a Sales Record with their details.
    const clientUrl = pathOf(page);
    await page.getByRole('button', { name: 'New sale' }).click();
    const saleDialog = page.getByRole('dialog', { name: 'New sale' });
    await saleDialog.getByRole('textbox', { name: 'Product' }).fill('Dental Plus');
    await expectAccessible(page, 'new sale dialog');
    await saleDialog.getByRole('button', { name: 'Start the sale' }).click();
    await toast(page, 'A Sales Record for Pat Quinn was created.');
    await page.getByRole('heading', { level: 1, name: 'Pat Quinn' }).waitFor();
    await page.getByText('Lead · New').waitFor();
    await expect(page.getByRole('textbox', { name: 'Product' }).inputValue()).resolves.toBe('Dental Plus');
    await expect(page.getByRole('textbox', { name: 'Email', exact: true }).inputValue()).resolves.toBe(
      'pat.quinn@example.test',
    );
    await page.goto(clientUrl);
    await page.getByRole('heading', { level: 1, name: 'Pat Quinn' }).waitFor();

    // The client list finds them; the Sales Record is read-only and says where the client is.
    await openNav(page, 'Clients');
    await expect.poll(() => page.getByTestId('client-row').count()).toBe(1);
    await expectAccessible(page, '/clients');
    await saveScreenshot(page, 'clients');
    await page.goto(`/leads/${leadId}`);
    await page.getByText('Converted — read-only').waitFor();
    await page.getByRole('link', { name: 'Open the client record' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Convert to client' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByTestId('note').first().waitFor();
    expect(await page.getByRole('button', { name: 'Add note' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByTestId('history-event');
    await expect.poll(() => history.first().textContent()).toContain('converted it to a client');
    const all = (await history.allTextContents()).join('\n');
    expect(all).toMatch(/Status\s*New\s*Closed won/);
    expect(all).toContain('created the record');
    expect(all).toContain('attached the file “scope-of-appointment.pdf”');
    await expectAccessible(page, 'converted lead history');
  });

  it('finds a lead by phone in any format, keeps a saved view, acts in bulk, and restores a deleted lead', async () => {
    const { page } = admin;
    const lead = typeNamed('Lead').id;
    const renewal = typeNamed('Renewal').id;
    await createLead({
      firstName: 'Nora',
      lastName: 'Blake',
      phone: '(312) 201-9988',
      city: 'Austin',
      state: 'TX',
    });
    await createLead({
      firstName: 'Rita',
      lastName: 'Renew',
      recordTypeId: renewal,
      email: 'rita@example.test',
      manualTemperature: 'cold',
    });
    const cleo = await createLead({
      firstName: 'Cleo',
      lastName: 'Won',
      statusId: statusOf('Lead', 'Closed won'),
    });
    await createLead({ firstName: 'Cody', lastName: 'Won', statusId: statusOf('Lead', 'Closed won') });
    const dee = await createLead({ firstName: 'Dee', lastName: 'Lete', recordTypeId: lead });

    await openNav(page, 'Leads');
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(7);
    await saveScreenshot(page, 'leads');

    // "/" jumps to the search; a phone typed another way finds the lead.
    await page.keyboard.press('/');
    await page.keyboard.type('312.201.9988');
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(1);
    await expect(page.getByTestId('lead-row').textContent()).resolves.toContain('Nora Blake');
    await expect(page.getByTestId('lead-row').textContent()).resolves.toContain('(312) 201-9988');
    expect(pathOf(page)).toContain('q=312.201.9988');
    await page.getByRole('searchbox', { name: 'Search leads' }).fill('');
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(7);

    // A saved view round-trips: filters → save → clear → pick → same filters → delete.
    await choose(page, 'Record type', 'Lead');
    await choose(page, 'Status', 'Closed won');
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(3);
    await page.getByRole('button', { name: 'Save view' }).click();
    const saveDialog = page.getByRole('dialog', { name: 'Save this view' });
    await saveDialog.getByRole('textbox', { name: 'View name' }).fill('Won, to convert');
    await expectAccessible(page, 'save view dialog');
    await saveDialog.getByRole('button', { name: 'Save view' }).click();
    await toast(page, '“Won, to convert” is in your saved views.');
    await page.getByRole('button', { name: 'Clear 2 filters' }).click();
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(7);
    expect(pathOf(page)).toBe('/leads');
    await choose(page, 'Saved view', 'Won, to convert');
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(3);
    expect(pathOf(page)).toContain(`statusId=${statusOf('Lead', 'Closed won')}`);
    await expectAccessible(page, '/leads with a saved view');

    // Batch convert the selected closed-won records: each outcome is shown (Pat was converted already).
    await page.getByRole('checkbox', { name: 'Select all shown leads' }).check();
    await page.getByText('3 records selected').waitFor();
    await page.getByRole('button', { name: 'Convert closed won (3)' }).click();
    const batch = page.getByRole('dialog', { name: 'Convert to clients?' });
    await expectAccessible(page, 'batch convert dialog');
    await batch.getByRole('button', { name: 'Convert 3 records' }).click();
    const results = page.getByRole('dialog', { name: 'Conversion results' });
    await results.getByText('2 of 3 converted.').waitFor();
    const outcome = (name: string) => results.getByTestId('convert-result').filter({ hasText: name });
    await expect(outcome('Cleo Won').textContent()).resolves.toContain('Converted');
    await expect(outcome('Pat Quinn').textContent()).resolves.toContain('already converted');
    await expectAccessible(page, 'conversion results');
    await results.getByRole('button', { name: 'Done' }).click();
    expect(
      ((await api.get(`/sales-records/${cleo.id}`)).body as { convertedAt: string | null }).convertedAt,
    ).not.toBeNull();

    await page.getByRole('button', { name: 'Delete the saved view Won, to convert' }).click();
    await page
      .getByRole('dialog', { name: 'Delete saved view?' })
      .getByRole('button', { name: 'Delete view' })
      .click();
    await toast(page, '“Won, to convert” was deleted.');
    expect(((await api.get('/saved-views')).body as { items: unknown[] }).items).toHaveLength(0);

    // Bulk: all or nothing — a Lead status cannot go on a Renewal, and the server says which.
    await page.goto('/leads');
    await page.getByRole('checkbox', { name: 'Select Rita Renew' }).check();
    await page.getByRole('checkbox', { name: 'Select Nora Blake' }).check();
    await page.getByRole('button', { name: 'Change status' }).click();
    const statusDialog = page.getByRole('dialog', { name: 'Change the status' });
    await choose(page, 'Status', 'Quoted', statusDialog);
    await statusDialog.getByRole('button', { name: 'Apply to 2 records' }).click();
    await statusDialog.getByText('Nothing was changed', { exact: true }).waitFor();
    await statusDialog.getByText('Rita Renew: Different record type.').waitFor();
    await expectAccessible(page, 'bulk status refused');
    await statusDialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Assign agent' }).click();
    const agentDialog = page.getByRole('dialog', { name: 'Assign to an agent' });
    await choose(page, 'Agent', /Omar Diaz/, agentDialog);
    await agentDialog.getByRole('button', { name: 'Apply to 2 records' }).click();
    await toast(page, '2 records were updated.');
    await expect
      .poll(() => page.getByTestId('lead-row').filter({ hasText: 'Rita Renew' }).textContent())
      .toContain('Agent: Omar Diaz');

    // Delete needs the retention acknowledgement; an admin restores it from Settings.
    await page.goto(`/leads/${dee.id}`);
    await page.getByRole('heading', { level: 1, name: 'Dee Lete' }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const del = page.getByRole('dialog', { name: 'Delete this Sales Record?' });
    await del.getByText('at least 10 years').waitFor();
    await del.getByText('restore the record within 30 days').waitFor();
    await expect(del.getByRole('button', { name: 'Delete record' }).isDisabled()).resolves.toBe(true);
    await del.getByRole('checkbox', { name: /I understand/ }).check();
    await expectAccessible(page, 'delete dialog');
    await del.getByRole('button', { name: 'Delete record' }).click();
    await page.waitForURL('**/leads');
    await toast(page, 'Dee Lete was deleted.');
    await openNav(page, 'Deleted records');
    await expectAccessible(page, '/settings/deleted-records');
    await page.getByRole('button', { name: 'Restore Dee Lete' }).click();
    await toast(page, 'Dee Lete is back in the lead list.');
    expect((await api.get(`/sales-records/${dee.id}`)).status).toBe(200);

    // The dashboard counts open records by type, temperature and status.
    await openNav(page, 'Dashboard');
    await page.getByText('All I can see').click();
    await expect.poll(() => page.getByTestId('total-open').textContent()).toBe('4');
    await expect(
      page.getByRole('img', { name: /^Renewal: 1 records, 0 hot, 0 warm, 0 cool, 1 cold$/ }).count(),
    ).resolves.toBe(1);
    await page.getByTestId('recent-record').first().waitFor();
    await expectAccessible(page, '/dashboard');
    await saveScreenshot(page, 'dashboard');

    // Lead intake: settings, the URL with a curl example, and the post log.
    await openNav(page, 'Lead intake');
    await expect(page.getByTestId('curl-example').textContent()).resolves.toContain('/api/v1/inbound/leads');
    const key = ((await api.post('/api-keys', { name: 'Vendor', scope: 'leads' })).body as { key: string })
      .key;
    const posted = await fetch(`${server.baseUrl}/api/v1/inbound/leads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ firstName: 'Vic', lastName: 'Vendor', phone: '312-201-7000' }),
    });
    expect(posted.status).toBe(201);
    await page.reload();
    await expect.poll(() => page.getByTestId('lead-post-row').first().textContent()).toContain('Created');
    await expect(page.getByTestId('lead-post-row').first().textContent()).resolves.toContain('Vic');
    await page.getByRole('radio', { name: 'Fill in what it lacks' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await toast(page, 'New posts follow these settings.');
    await expectAccessible(page, '/settings/lead-intake');
    expect(admin.errors).toEqual([]);
  });

  it('shows an Agent CRM user only their book: other records are not found, and there is no Delete', async () => {
    const lead = typeNamed('Lead').id;
    const group = await api.post('/security-groups', {
      name: 'Downline agents',
      permissions: {
        salesEnablement: { visible: true },
        individual: { visible: false, edit: false },
        agent: { visible: false, edit: false },
        administrative: { manageUsers: false },
        marketing: { visible: false },
        reporting: { visible: false },
        recordAccess: { restriction: 'accessible_agents', includeUnassigned: false },
      },
    });
    expect(group.status).toBe(201);
    const created = await api.post('/users', {
      firstName: 'Ada',
      lastName: 'Downline',
      email: 'ada@downline.test',
      username: 'ada.downline',
      userType: 'agent_crm_user',
      securityGroupId: (group.body as { id: string }).id,
      accessibleAgentIds: [agents.sam],
      salesPermissions: {
        textingWindow: { start: '08:00', end: '19:00' },
        recordAccess: 'all',
        agentDropdownView: 'self',
        recordTypeAccess: { [lead]: { view: true, add: true, edit: true } },
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
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const temporary = (created.body as { temporaryPassword: string }).temporaryPassword;
    const mine = await createLead({
      firstName: 'Bea',
      lastName: 'Mine',
      recordTypeId: lead,
      assignedAgentId: agents.sam,
    });
    const theirs = await createLead({
      firstName: 'Theo',
      lastName: 'Theirs',
      recordTypeId: lead,
      assignedAgentId: agents.omar,
    });

    // Sign in and choose a password through the API, to keep the run short.
    const user = await newActor(browser, server.baseUrl);
    const login = await user.page.request.post('/api/v1/session', {
      data: { login: 'ada.downline', password: temporary },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const changed = await user.page.request.post('/api/v1/me/password', {
      headers: { 'x-csrf-token': csrfToken },
      data: { currentPassword: temporary, newPassword: 'ada-own-password-2026' },
    });
    expect(changed.status()).toBeLessThan(300);

    await user.page.goto('/leads');
    await user.page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    // Sam Rivera's book: Bea, and Pat (converted earlier, and the new sale to her); nobody else's.
    await expect.poll(() => user.page.getByTestId('lead-row').count()).toBe(3);
    const names = (await user.page.getByTestId('lead-row').allTextContents()).join(' ');
    expect(names).toContain('Bea Mine');
    expect(names).toContain('Pat Quinn');
    expect(names).not.toContain('Theo');
    await expect(user.page.getByRole('navigation').getByRole('link').allTextContents()).resolves.toEqual([
      'Home',
      'Dashboard',
      'Leads',
      'Calendar',
    ]);
    await expectAccessible(user.page, '/leads as an Agent CRM user');

    // Their own record: editable, but no Delete (Record Type Access lacks it).
    await user.page.getByRole('link', { name: 'Bea Mine' }).click();
    await user.page.getByRole('heading', { level: 1, name: 'Bea Mine' }).waitFor();
    await user.page.getByRole('textbox', { name: 'Last name' }).waitFor();
    await user.page.getByRole('tab', { name: 'Notes' }).click();
    await user.page.getByRole('button', { name: 'Add note' }).waitFor();
    expect(await user.page.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    const userApi = await apiAs(user.page);
    const refused = await userApi.delete(`/sales-records/${mine.id}?acknowledgeRetention=true`);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('salesPermissions.recordTypeAccess.delete');
    await expectAccessible(user.page, '/leads/$id as an Agent CRM user');

    // Another agent's record: not found, exactly like a record that does not exist.
    await user.page.goto(`/leads/${theirs.id}`);
    await user.page.getByRole('heading', { level: 1, name: 'Sales Record not found' }).waitFor();
    expect(await user.page.getByText('Theo').count()).toBe(0);
    await expectAccessible(user.page, 'not found as an Agent CRM user');
    expect(user.errors).toEqual([]);
    await user.context.close();
  });
});
