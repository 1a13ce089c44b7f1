import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { type Actor, launchBrowser, newActor, saveScreenshot } from './support/browser.ts';
import { signIn } from './support/flows.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';
import { choose, toast } from './support/ui.ts';

const ADMIN = { login: 'rosa', password: 'rosa-password-2026', firstName: 'Rosa', lastName: 'Alvarez' };
const ZONE = 'America/New_York';
type Api = Awaited<ReturnType<typeof apiAs>>;

/** Today's date where the user is (the calendar shows the user's zone). */
const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

describe('Activities and the calendar', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Actor;
  let api: Api;
  let leadId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await createAccount(server, {
      name: 'Bayside Benefits',
      username: ADMIN.login,
      email: 'rosa@bayside.test',
      password: ADMIN.password,
      firstName: ADMIN.firstName,
      lastName: ADMIN.lastName,
    });
    admin = await newActor(browser, server.baseUrl);
    await signIn(admin.page, ADMIN.login, ADMIN.password, ADMIN.firstName);
    api = await apiAs(admin.page);
    const lead = await api.post('/sales-records', { firstName: 'Walter', lastName: 'Greene' });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    leadId = (lead.body as { id: string }).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds an activity on a lead, sees it in My activities and on the week view, completes it', async () => {
    const { page } = admin;
    const day = todayIn(ZONE);
    const subject = 'Call Walter about Medicare Advantage';

    // --- On the lead's Activities tab ------------------------------------------------------------
    await page.goto(`${server.baseUrl}/leads/${leadId}?tab=activities`);
    await page.getByRole('tab', { name: 'Activities', selected: true }).waitFor();
    await page.getByText('No activities yet').waitFor();
    await expectAccessible(page, 'lead activities tab');
    await page.getByRole('button', { name: 'Add activity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New activity' });
    await dialog.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await choose(page, 'Type', 'Call', dialog);
    await dialog.getByLabel('Starts').fill(`${day}T10:00`);
    await dialog.getByLabel('Ends').fill(`${day}T10:30`);
    await expectAccessible(page, 'new activity dialog');
    await dialog.getByRole('button', { name: 'Add activity' }).click();
    await toast(page, 'Activity added');
    const row = page.getByTestId('activity-row').filter({ hasText: subject });
    await row.waitFor();
    await expect(row.getByText('Scheduled').isVisible()).resolves.toBe(true);

    // --- My activities on the dashboard ----------------------------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }).click();
    const card = page.getByTestId('my-activities');
    await card.getByText(subject).waitFor();
    await expectAccessible(page, '/dashboard with My activities');

    // --- The calendar's week view ----------------------------------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    await page.getByRole('radio', { name: 'Week' }).isChecked();
    const chip = page.getByTestId('calendar-activity').filter({ hasText: subject });
    await chip.waitFor();
    await expect(chip.getAttribute('aria-label')).resolves.toContain('10:00 AM');
    await expectAccessible(page, '/calendar week');
    await saveScreenshot(page, 'calendar-week');
    // Month and day views are accessible too and show it.
    await page.getByText('Month', { exact: true }).click();
    await chip.waitFor();
    await expectAccessible(page, '/calendar month');
    await page.getByText('Week', { exact: true }).click();

    // Open it from the calendar and complete it.
    await chip.click();
    const edit = page.getByRole('dialog', { name: 'Edit activity' });
    await edit.getByRole('textbox', { name: 'Subject' }).waitFor();
    await edit.getByRole('button', { name: 'Complete' }).click();
    await edit.waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="calendar-activity"][data-closed]')
      .filter({ hasText: subject })
      .waitFor();
    const list = await api.get(`/activities?salesRecordId=${leadId}`);
    const [activity] = (
      list.body as { items: { subject: string; status: { name: string }; completedAt: string }[] }
    ).items;
    expect(activity).toMatchObject({ subject, status: { name: 'Completed' } });
    expect(activity!.completedAt).toBeTruthy();

    // Create by clicking a time: 2 PM today.
    await page
      .getByRole('button', { name: new RegExp(`^New activity on .* at 2 PM$`) })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    const fresh = page.getByRole('dialog', { name: 'New activity' });
    await expect(fresh.getByLabel('Starts').inputValue()).resolves.toMatch(/T14:00$/);
    await fresh.getByRole('button', { name: 'Cancel' }).click();
  });

  it('an admin puts an Activity Type in the Appointment category', async () => {
    const { page } = admin;
    await page.getByRole('navigation').getByRole('link', { name: 'Activity types', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Activity types and statuses' }).waitFor();
    await expectAccessible(page, '/settings/activities');
    await page.getByRole('button', { name: 'Edit Task' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit activity type' });
    await dialog.getByRole('checkbox', { name: 'In the Appointment category' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const types = (await api.get('/activity-types')).body as {
      items: { name: string; category: string | null }[];
    };
    expect(types.items.find((t) => t.name === 'Task')?.category).toBe('appointment');
    await page
      .getByTestId('types-table')
      .getByRole('row', { name: /Task/ })
      .getByText('Appointment')
      .waitFor();
    await saveScreenshot(page, 'activity-types');
  });

  it('creates, reads and revokes the private calendar feed from the profile', async () => {
    const { page } = admin;
    await page.goto(`${server.baseUrl}/profile`);
    await page.getByRole('heading', { name: 'Calendar feed' }).waitFor();
    await page.getByRole('button', { name: 'Create feed URL' }).click();
    const url = await page.getByTestId('calendar-feed-url').inputValue();
    expect(url).toMatch(/\/api\/public\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    await expectAccessible(page, '/profile calendar feed');
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    const text = await feed.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('SUMMARY:Call Walter about Medicare Advantage');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await toast(page, 'Calendar feed revoked');
    expect((await page.request.get(url)).status()).toBe(404);
  });
});
