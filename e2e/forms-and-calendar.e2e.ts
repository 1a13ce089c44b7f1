import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { type Actor, launchBrowser, newActor } from './support/browser.ts';
import { pathOf, signIn } from './support/flows.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';
import { toast } from './support/ui.ts';

const ADMIN = { login: 'nora', password: 'nora-password-2026', firstName: 'Nora', lastName: 'Price' };

/**
 * What a new agency user hit (issue 12 §2): a typed date never vanishes, long names stop at the
 * server's limit, an edited record asks before it is left, the calendar warns about overlaps,
 * links a record and keeps its view in the address, and a phone gets a usable layout.
 */
describe('forms that keep what was typed, and the calendar', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Actor;
  let leadId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await createAccount(server, {
      name: 'Prairie Benefits',
      username: ADMIN.login,
      email: 'nora@prairie.test',
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

  it('an impossible birth date is a field error and nothing is saved; a long name stops at 100 characters', async () => {
    const { page } = admin;
    const api = await apiAs(page);
    await page.goto('/leads/new');
    const form = page.getByRole('form', { name: 'New lead' });
    await form.getByRole('textbox', { name: 'First name' }).fill('x'.repeat(5000));
    expect((await form.getByRole('textbox', { name: 'First name' }).inputValue()).length).toBe(100);
    await form.getByRole('textbox', { name: 'First name' }).fill('Florence');
    await form.getByRole('textbox', { name: 'Last name' }).fill('Februari');
    // Typed as a person types it: month, day, year — February 30th does not exist.
    await form.getByLabel('Date of birth').focus();
    await page.keyboard.type('02302026');
    await form.getByRole('button', { name: 'Create lead' }).click();
    await form.getByText('Not a valid date: check the month, day and year.').waitFor();
    expect(pathOf(page)).toBe('/leads/new');
    expect(((await api.get('/sales-records')).body as { items: unknown[] }).items).toEqual([]);
    await expectAccessible(page, '/leads/new with a bad date');

    await form.getByLabel('Date of birth').fill('1950-02-28');
    await form.getByRole('button', { name: 'Create lead' }).click();
    await toast(page, 'Lead created');
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    leadId = pathOf(page).split('/').pop()!;
    const saved = (await api.get(`/sales-records/${leadId}`)).body as { dateOfBirth: string };
    expect(saved.dateOfBirth).toBe('1950-02-28');
  });

  it('leaving or reloading an edited lead asks first', async () => {
    const { page } = admin;
    await page.goto(`/leads/${leadId}`);
    const city = page.getByRole('form', { name: 'Lead information' }).getByRole('textbox', { name: 'City' });
    await city.fill('Peoria');
    await page.getByRole('navigation').getByRole('link', { name: 'Leads', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await ask.waitFor();
    await expectAccessible(page, 'unsaved changes prompt');
    await ask.getByRole('button', { name: 'Stay on this page' }).click();
    expect(pathOf(page)).toBe(`/leads/${leadId}`);
    expect(await city.inputValue()).toBe('Peoria');

    // Switching tabs keeps the edit without asking.
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('tab', { name: 'Information' }).click();
    expect(await city.inputValue()).toBe('Peoria');

    // Reloading: the browser's own prompt.
    let prompt = '';
    page.once('dialog', (d) => {
      prompt = d.type();
      void d.dismiss();
    });
    await page.reload({ timeout: 3_000 }).catch(() => {});
    expect(prompt).toBe('beforeunload');

    await page.getByRole('navigation').getByRole('link', { name: 'Leads', exact: true }).click();
    await ask.getByRole('button', { name: 'Leave without saving' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
  });

  it('the calendar keeps its view in the address, links a lead, and warns before double-booking', async () => {
    const { page } = admin;
    const api = await apiAs(page);
    const types = ((await api.get('/activity-types')).body as { items: { id: string; name: string }[] })
      .items;
    // 10:00–11:00 in New York (the user's zone) on Tuesday, March 4, 2031.
    const first = await api.post('/activities', {
      activityTypeId: types.find((x) => x.name === 'Appointment')!.id,
      subject: 'Annual review',
      startsAt: '2031-03-04T15:00:00Z',
      endsAt: '2031-03-04T16:00:00Z',
    });
    expect(first.status).toBe(201);

    await page.goto('/calendar?view=day&date=2031-03-04');
    await page.getByTestId('calendar-title').filter({ hasText: 'Tuesday, March 4, 2031' }).waitFor();
    await page.getByTestId('calendar-activity').filter({ hasText: 'Annual review' }).waitFor();
    await page.getByRole('button', { name: 'Next day' }).click();
    await page.getByTestId('calendar-title').filter({ hasText: 'Wednesday, March 5, 2031' }).waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe('2031-03-05');
    await page.getByText('Week', { exact: true }).click();
    expect(new URL(page.url()).searchParams.get('view')).toBe('week');
    await page.reload();
    await page
      .getByRole('radio', { name: 'Week' })
      .and(page.locator(':checked'))
      .waitFor({ state: 'attached' });

    await page.getByRole('button', { name: 'New activity', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New activity' });
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('Plan check');
    await dialog.getByLabel('Sales Record or client').fill('Februari');
    await page.getByRole('option', { name: /Florence Februari/ }).click();
    await dialog.getByLabel('Starts').fill('2031-03-04T10:30');
    await dialog.getByLabel('Ends').fill('2031-03-04T11:30');
    await dialog.getByRole('button', { name: 'Add activity' }).click();
    const warn = page.getByRole('dialog', { name: 'Overlapping activity' });
    await warn.getByText('This time overlaps “Annual review” of the same owner. Save it anyway?').waitFor();
    await expectAccessible(page, 'overlap warning');
    await warn.getByRole('button', { name: 'Save anyway' }).click();
    await toast(page, 'Activity added');
    const listed = (await api.get(`/activities?salesRecordId=${leadId}`)).body as {
      items: { subject: string; startsAt: string }[];
    };
    expect(listed.items.map((x) => [x.subject, x.startsAt])).toEqual([
      ['Plan check', '2031-03-04T15:30:00.000Z'],
    ]);
    expect(admin.errors).toEqual([]);
  });

  it('on a phone (390 px) the header fits and the calendar opens on one day', async () => {
    const phone = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      timezoneId: 'America/New_York',
      storageState: await admin.context.storageState(),
    });
    const page = await phone.newPage();
    await page.goto('/calendar');
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    await page
      .getByRole('radio', { name: 'Day' })
      .and(page.locator(':checked'))
      .waitFor({ state: 'attached' });
    const brand = (await page.getByRole('link', { name: 'OpenAMS home' }).boundingBox())!;
    const menu = (await page.getByRole('button', { name: /^User menu for / }).boundingBox())!;
    expect(brand.x + brand.width).toBeLessThanOrEqual(menu.x);
    expect(menu.x + menu.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/calendar-390.png' });
    await phone.close();
  });
});
