import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { type Actor, launchBrowser, newActor } from './support/browser.ts';
import { signIn } from './support/flows.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';
import { choose, toast } from './support/ui.ts';

const ADMIN = { login: 'rosa', password: 'rosa-password-2026', firstName: 'Rosa', lastName: 'Imports' };
type Api = Awaited<ReturnType<typeof apiAs>>;

// --- The generated file -------------------------------------------------------------------------
/** Data rows in the file: enough batches (the job commits every 1,000 rows) to watch the bar move. */
const ROWS = 12_000;
const HEADINGS = [
  'First Name',
  'Last Name',
  'Email',
  'Phone',
  'Date of Birth',
  'State',
  'Lead Source',
  'Remarks',
  'Campaign Code',
];
const FIRST = ['Ada', 'Ben', 'Cora', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivan', 'June', 'Kai', 'Lena'];
const lastName = (i: number) => `Importwell${String(i).padStart(5, '0')}`;
const email = (i: number) => `lead${i}@harbor-import.test`;
/** A unique valid phone per row: (312) 3NN-NNNN (555 is no US area code). */
const phone = (i: number) =>
  `(312) 3${String(Math.floor(i / 10_000)).padStart(2, '0')}-${String(i % 10_000).padStart(4, '0')}`;
/** Bad rows (one problem each) and in-file duplicates of earlier rows, by data row number (1-based). */
const BAD: Record<number, { column: string; reason: RegExp }> = {
  1500: { column: 'lastName', reason: /Required/ },
  2600: { column: 'email', reason: /email/i },
  6700: { column: 'dateOfBirth', reason: /date/i },
};
const DUPLICATE_OF: Record<number, number> = { 2000: 10, 5000: 20 };
const SAMPLE = 1234;

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
function row(i: number): string[] {
  const of = DUPLICATE_OF[i];
  const cells = [
    FIRST[i % FIRST.length]!,
    lastName(i),
    email(i),
    phone(i),
    `${1940 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`,
    'FL',
    'Spring mailer',
    `Prefers mornings, "row ${i}"`,
    `C-${i % 7}`,
  ];
  // The same person as an earlier row (by email), typed a little differently.
  if (of)
    [cells[0], cells[1], cells[2], cells[3]] = [
      FIRST[of % FIRST.length]!,
      lastName(of),
      email(of).toUpperCase(),
      '',
    ];
  if (i === 1500) cells[1] = '';
  if (i === 2600) cells[2] = 'not-an-email';
  if (i === 6700) cells[4] = '1950-13-40';
  return cells;
}
const CSV = Buffer.from(
  [HEADINGS, ...Array.from({ length: ROWS }, (_, k) => row(k + 1))]
    .map((cells) => cells.map(csvCell).join(','))
    .join('\r\n') + '\r\n',
);
const FAILED = Object.keys(BAD).length;
const SKIPPED = Object.keys(DUPLICATE_OF).length;
const CREATED = ROWS - FAILED - SKIPPED;

// --- Helpers ------------------------------------------------------------------------------------
const fmt = (n: number) => n.toLocaleString('en-US');
const heading = (page: Page) => page.getByTestId('import-step-heading');
const count = (page: Page, key: string) => page.getByTestId(`count-${key}`).getByTestId('count-value');

/**
 * Record every value the progress bar shows, in the page itself (a MutationObserver), so no value
 * between two of the test's own looks is missed.
 */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const seen = (window.__importProgress = []);
    const look = () => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Import progress"]');
      const v = bar && bar.getAttribute('aria-valuenow');
      if (v !== null && v !== undefined && seen[seen.length - 1] !== Number(v)) seen.push(Number(v));
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'],
    });
  })()`);
}
const progressSeen = (page: Page) => page.evaluate('window.__importProgress') as Promise<number[]>;

/** Choose the targets of the two undocumented columns, after checking they are flagged. */
async function mapUndocumentedColumns(page: Page, fresh = true): Promise<void> {
  await heading(page).filter({ hasText: 'Check the preview and the column mapping' }).waitFor();
  if (fresh) await page.getByText('Headings we don’t know').waitFor();
  await choose(page, 'Import column 8 “Remarks” as', /^Note/);
  await choose(page, 'Import column 9 “Campaign Code” as', 'Don’t import');
  await page.getByRole('button', { name: 'Continue to defaults' }).click();
  await heading(page).filter({ hasText: 'Choose the defaults' }).waitFor();
}

async function totalLeads(api: Api): Promise<number> {
  const res = await api.get('/sales-records/dashboard?whose=all');
  expect(res.status).toBe(200);
  return (res.body as { byRecordType: { count: number }[] }).byRecordType.reduce((s, t) => s + t.count, 0);
}

describe('CSV import in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Actor;
  let api: Api;
  let samId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await createAccount(server, {
      name: 'Harbor Import Agency',
      username: ADMIN.login,
      email: 'rosa@harbor-import.test',
      password: ADMIN.password,
      firstName: ADMIN.firstName,
      lastName: ADMIN.lastName,
    });
    admin = await newActor(browser, server.baseUrl);
    await signIn(admin.page, ADMIN.login, ADMIN.password, ADMIN.firstName);
    api = await apiAs(admin.page);
    const sam = await api.post('/agents', { firstName: 'Sam', lastName: 'Rivera' });
    expect(sam.status).toBe(201);
    samId = (sam.body as { id: string }).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports a generated file with a moving progress bar, reports the bad rows, and skips every row the second time', async () => {
    const { page } = admin;

    // --- Step 1: from the lead list to the upload -------------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Leads', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await page.getByRole('link', { name: 'Import leads' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import leads' }).waitFor();
    await heading(page).filter({ hasText: 'Upload a CSV file' }).waitFor();
    await page.getByText(/up to 50 MB/).waitFor();
    await expect(
      page.getByRole('link', { name: 'Download the template CSV' }).getAttribute('href'),
    ).resolves.toBe('/api/v1/imports/template.csv');
    await expectAccessible(page, 'import step 1 (upload)');

    // The column docs are a page of their own.
    await page.getByRole('link', { name: 'Column headings and formats' }).click();
    await page.getByRole('heading', { level: 1, name: 'CSV column headings' }).waitFor();
    await expect(page.getByTestId('columns-table').textContent()).resolves.toContain('Medicare Number');
    await expectAccessible(page, '/leads/import/columns');
    await page.goBack();
    await heading(page).filter({ hasText: 'Upload a CSV file' }).waitFor();

    // A file that is not a CSV is refused with the server's reason.
    const chooserNotCsv = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file…' }).click();
    await (
      await chooserNotCsv
    ).setFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0, 0, 0, 0]),
    });
    await page.getByText('“photo.png” was not accepted').waitFor();
    await page.getByText('This is not a CSV file: it contains binary data.').waitFor();
    await expectAccessible(page, 'import step 1 with a refused file');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file…' }).click();
    await (await chooser).setFiles({ name: 'spring-leads.csv', mimeType: 'text/csv', buffer: CSV });

    // --- Step 2: preview and mapping --------------------------------------------------------
    await heading(page).filter({ hasText: 'Check the preview and the column mapping' }).waitFor();
    await expect(heading(page).evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await page.getByRole('heading', { name: `First 10 rows of ${fmt(ROWS)}` }).waitFor();
    await expect(page.getByTestId('mapping-row').count()).resolves.toBe(HEADINGS.length);
    await expect(page.getByTestId('mapping-row').first().textContent()).resolves.toContain(FIRST[1]);
    await expect(
      page.getByRole('combobox', { name: 'Import column 1 “First Name” as', exact: true }).inputValue(),
    ).resolves.toBe('First Name (required)');
    // The two undocumented headings must be chosen; Continue lists expected and found headings.
    await page.getByRole('button', { name: 'Continue to defaults' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Some columns need attention' });
    await problems.waitFor();
    const problemText = (await problems.textContent()) ?? '';
    expect(problemText).toContain('Column 8 “Remarks” is not a documented heading');
    expect(problemText).toContain('Column 9 “Campaign Code” is not a documented heading');
    expect(problemText).toMatch(/Expected: First Name, Middle Name, Last Name, .*Lead Date, Note/);
    expect(problemText).toContain(`Found: ${HEADINGS.join(', ')}`);
    await expectAccessible(page, 'import step 2 (mapping) with problems');
    // Mapping a field twice is caught too.
    await choose(page, 'Import column 9 “Campaign Code” as', 'Email');
    await page.getByRole('button', { name: 'Continue to defaults' }).click();
    await page.getByText('“Email” is already mapped from column 3.').first().waitFor();
    await mapUndocumentedColumns(page, false);

    // --- Step 3: defaults -------------------------------------------------------------------
    await expect(page.getByRole('combobox', { name: /^Record type/ }).inputValue()).resolves.toBe('Lead');
    await choose(page, 'Agent', /Sam Rivera/);
    await expect(page.getByRole('radio', { name: 'Skip the row' }).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'import step 3 (defaults)');

    // --- Step 4: the running import, watched by its progress bar -----------------------------
    await watchProgress(page);
    await page.getByRole('button', { name: 'Start the import' }).click();
    await heading(page).filter({ hasText: 'Importing' }).waitFor();
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor({ state: 'attached' });

    // --- Step 5: the result ----------------------------------------------------------------
    await heading(page).filter({ hasText: 'Result' }).waitFor({ timeout: 120_000 });
    const seen = await progressSeen(page);
    const done = (await api.get(`/imports/${new URL(page.url()).searchParams.get('id')}`)).body as {
      startedAt: string;
      finishedAt: string;
    };
    console.log(
      `progress values seen: ${seen.join(', ')}; the job ran ${Date.parse(done.finishedAt) - Date.parse(done.startedAt)} ms`,
    );
    expect(seen[0]).toBe(0);
    expect(
      seen.some((v) => v > 0 && v < 100),
      `values seen: ${seen.join(', ')}`,
    ).toBe(true);
    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen); // it only moves forward
    await page.getByText('The import is complete').waitFor();
    await expect(count(page, 'created').textContent()).resolves.toBe(fmt(CREATED));
    await expect(count(page, 'updated').textContent()).resolves.toBe('0');
    await expect(count(page, 'skipped').textContent()).resolves.toBe(fmt(SKIPPED));
    await expect(count(page, 'failed').textContent()).resolves.toBe(fmt(FAILED));
    await expectAccessible(page, 'import step 5 (result)');
    expect(await totalLeads(api)).toBe(CREATED);

    // The error report: one line per bad row, with its row in the file (the heading is row 1) and
    // then the row's values as uploaded.
    const reportLink = page.getByRole('link', { name: `Download the error report (${FAILED} rows)` });
    const [download] = await Promise.all([page.waitForEvent('download'), reportLink.click()]);
    const report = (await fs.readFile((await download.path())!, 'utf8')).trim().split('\r\n');
    expect(report[0]!.startsWith('Row,Column,Reason,')).toBe(true);
    expect(report).toHaveLength(FAILED + 1);
    Object.entries(BAD).forEach(([i, bad], k) => {
      const [line, column, ...reason] = report[k + 1]!.split(',');
      expect(Number(line)).toBe(Number(i) + 1);
      expect(column).toBe(bad.column);
      expect(reason.join(',')).toMatch(bad.reason);
    });

    // --- An imported lead in the list: its fields, agent and the Remarks note ----------------
    await page.getByRole('link', { name: 'Go to the lead list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search leads' }).fill(email(SAMPLE));
    const sampleName = `${FIRST[SAMPLE % FIRST.length]} ${lastName(SAMPLE)}`;
    await page.getByRole('link', { name: sampleName }).waitFor();
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(1);
    await page.getByRole('link', { name: sampleName }).click();
    await page.getByRole('heading', { level: 1, name: sampleName }).waitFor();
    const leadId = new URL(page.url()).pathname.split('/').pop()!;
    const lead = (await api.get(`/sales-records/${leadId}`)).body as Record<string, unknown>;
    expect(lead).toMatchObject({
      email: email(SAMPLE),
      phone: '+13123001234',
      state: 'FL',
      leadSource: 'Spring mailer',
      assignedAgentId: samId,
    });
    const notes = (await api.get(`/sales-records/${leadId}/notes`)).body as { items: { body: string }[] };
    // A column mapped to Note keeps its heading in the note.
    expect(notes.items.map((n) => n.body)).toEqual([`Remarks: Prefers mornings, "row ${SAMPLE}"`]);
    // The in-file duplicate (upper-case email) was not made a second lead.
    await page.goto(`/leads?q=${encodeURIComponent(email(10))}`);
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(1);

    // --- History ----------------------------------------------------------------------------
    await page.goto('/leads');
    await page.getByRole('link', { name: 'Import leads' }).click();
    await page.getByRole('link', { name: 'Import history' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import history' }).waitFor();
    const first = page.getByTestId('import-row');
    await expect.poll(() => first.count()).toBe(1);
    const firstText = (await first.textContent()) ?? '';
    expect(firstText).toContain('spring-leads.csv');
    expect(firstText).toContain('You');
    expect(firstText).toContain('Completed');
    expect(firstText).toContain(fmt(CREATED));
    await expectAccessible(page, '/leads/imports');

    // --- The same file again, dropped on the page: nothing new ------------------------------
    await page.getByRole('link', { name: 'Import leads' }).click();
    await heading(page).filter({ hasText: 'Upload a CSV file' }).waitFor();
    const dataTransfer = await page.evaluateHandle(
      `(() => {
        const dt = new DataTransfer();
        dt.items.add(new File([${JSON.stringify(CSV.toString('utf8'))}], 'spring-leads.csv', { type: 'text/csv' }));
        return dt;
      })()`,
    );
    await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
    await mapUndocumentedColumns(page);
    // This time hold the page's progress polls while axe looks at the running step (the job
    // itself runs on; the bar shows the last answer).
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/imports/*', async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Start the import' }).click();
    await heading(page).filter({ hasText: 'Importing' }).waitFor();
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor({ state: 'attached' });
    await expectAccessible(page, 'import step 4 (progress)');
    release();
    await page.unrouteAll({ behavior: 'wait' });
    await heading(page).filter({ hasText: 'Result' }).waitFor({ timeout: 120_000 });
    await expect(count(page, 'created').textContent()).resolves.toBe('0');
    await expect(count(page, 'updated').textContent()).resolves.toBe('0');
    await expect(count(page, 'skipped').textContent()).resolves.toBe(fmt(ROWS - FAILED));
    await expect(count(page, 'failed').textContent()).resolves.toBe(fmt(FAILED));
    expect(await totalLeads(api)).toBe(CREATED);

    // --- Roll back the first import from the history ----------------------------------------
    await page.getByRole('link', { name: 'Import history' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Import history' }).waitFor();
    await expect.poll(() => page.getByTestId('import-row').count()).toBe(2);
    await page.getByRole('link', { name: 'Open the import of spring-leads.csv' }).last().click();
    await page.getByText('The import is complete').waitFor();
    await page.getByRole('button', { name: 'Roll back…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back this import?' });
    await dialog.getByText(`The ${fmt(CREATED)} leads this import created will be removed`).waitFor();
    await expectAccessible(page, 'roll back confirmation');
    await dialog.getByRole('button', { name: 'Roll back' }).click();
    await toast(page, `${fmt(CREATED)} leads were removed.`);
    await page.getByText('The import was rolled back').waitFor();
    expect(await totalLeads(api)).toBe(0);

    expect(admin.errors).toEqual([]);
  });

  it('hides the import from a user without the task, and the API refuses them', async () => {
    const group = await api.post('/security-groups', {
      name: 'Callers',
      permissions: {
        salesEnablement: { visible: true },
        individual: { visible: false, edit: false },
        agent: { visible: false, edit: false },
        administrative: { manageUsers: false },
        marketing: { visible: false },
        reporting: { visible: false },
        recordAccess: { restriction: 'none', includeUnassigned: true },
      },
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const types = ((await api.get('/record-types')).body as { items: { id: string; name: string }[] }).items;
    const leadType = types.find((t) => t.name === 'Lead')!.id;
    const created = await api.post('/users', {
      firstName: 'Cal',
      lastName: 'Caller',
      email: 'cal@harbor-import.test',
      username: 'cal.caller',
      userType: 'agency_user',
      securityGroupId: (group.body as { id: string }).id,
      salesPermissions: {
        textingWindow: { start: '08:00', end: '19:00' },
        recordAccess: 'all',
        agentDropdownView: 'all',
        // View and edit, but not add: importing needs Add on the target type.
        recordTypeAccess: { [leadType]: { view: true, add: false, edit: true } },
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
    const user = await newActor(browser, server.baseUrl);
    const login = await user.page.request.post('/api/v1/session', {
      data: { login: 'cal.caller', password: temporary },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const changed = await user.page.request.post('/api/v1/me/password', {
      headers: { 'x-csrf-token': csrfToken },
      data: { currentPassword: temporary, newPassword: 'cal-own-password-2026' },
    });
    expect(changed.status()).toBeLessThan(300);
    const me = (await (await user.page.request.get('/api/v1/me')).json()) as { tasks: string[] };

    await user.page.goto('/leads');
    await user.page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await user.page.getByRole('searchbox', { name: 'Search leads' }).waitFor();
    expect(await user.page.getByRole('link', { name: 'Import leads' }).count()).toBe(0);
    expect(me.tasks).toContain('sales_record.view');
    expect(me.tasks).not.toContain('sales_record.import');
    // The address itself says what they lack, with a way home; the API refuses them too.
    await user.page.goto('/leads/import');
    await user.page
      .getByRole('heading', { level: 1, name: 'You don’t have access to importing Sales Records' })
      .waitFor();
    await user.page.getByRole('link', { name: 'Go to the home page' }).click();
    await user.page.getByRole('heading', { level: 1, name: 'Welcome, Cal' }).waitFor();
    const refused = await user.page.request.get('/api/v1/imports');
    expect(refused.status()).toBe(403);
    expect(user.errors).toEqual([]);
    await user.context.close();
  });
});
