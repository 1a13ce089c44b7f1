import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchBrowser, newActor, saveScreenshot } from './support/browser.ts';
import { pathOf, signIn } from './support/flows.ts';
import { choose, toast } from './support/ui.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';

describe('the Appointment Scheduler', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an admin creates a schedule, a booker books on a phone, the agent finds the lead and the appointment', async () => {
    await createAccount(server, {
      name: 'Harbor Health Advisors',
      username: 'olivia',
      email: 'olivia@harbor.test',
      password: 'olivia-password-2026',
      firstName: 'Olivia',
      lastName: 'Grant',
    });

    // --- The admin creates a schedule ------------------------------------------------------------
    const admin = await newActor(browser, server.baseUrl);
    const page = admin.page;
    await signIn(page, 'olivia', 'olivia-password-2026', 'Olivia');
    await page.getByRole('navigation').getByRole('link', { name: 'Appointment scheduler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointment scheduler' }).waitFor();
    await page.getByText('No schedules yet').waitFor();
    await expectAccessible(page, '/settings/schedules (empty)');

    await page.getByRole('link', { name: 'New schedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'New appointment schedule' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Medicare consultations');
    await page.getByRole('textbox', { name: 'Name' }).press('Tab');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Public link' }).inputValue())
      .toBe('medicare-consultations');
    // Open every day, so the test finds open times whatever day it runs.
    await page.getByRole('checkbox', { name: 'Saturday' }).check();
    await page.getByRole('checkbox', { name: 'Sunday' }).check();
    await choose(page, 'Add a user', /Olivia Grant/);
    await page.getByTestId('user-order').getByText('Olivia Grant').waitFor();
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('textbox', { name: 'Question 1' }).fill('Which plan do you have today?');
    await expectAccessible(page, '/settings/schedules/new');
    await saveScreenshot(page, 'schedule-editor');
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await toast(page, 'Schedule saved');
    await page.getByRole('heading', { level: 1, name: 'Appointment scheduler' }).waitFor();
    await page.getByRole('link', { name: 'Medicare consultations' }).waitFor();
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    await expectAccessible(page, '/settings/schedules');

    // --- A booker (no sign-in, a phone, another zone) books the first open time -------------------
    const phone = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      timezoneId: 'America/Chicago',
      reducedMotion: 'reduce',
    });
    phone.setDefaultTimeout(15_000);
    const booker = await phone.newPage();
    const bookerErrors: string[] = [];
    booker.on('pageerror', (e) => bookerErrors.push(e.message));
    await booker.goto('/book/medicare-consultations');
    await booker.getByRole('heading', { level: 1, name: 'Medicare consultations' }).waitFor();
    await expect(booker.getByRole('combobox', { name: 'Times shown in' }).inputValue()).resolves.toMatch(
      /America\/Chicago/,
    );
    const firstTime = booker.getByTestId('open-times').getByRole('button').first();
    await firstTime.waitFor();
    await expectAccessible(booker, '/book/$slug');
    await saveScreenshot(booker, 'booking-page');
    // The page speaks Spanish too: the switch changes every label and the dates, and stays accessible.
    await booker.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();
    await booker.getByRole('combobox', { name: 'Horarios en la zona' }).waitFor();
    await booker.getByRole('group', { name: 'Horarios disponibles' }).waitFor();
    await expect(booker.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(booker.getByRole('button', { name: 'Continuar' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(booker, '/book/$slug in Spanish');
    await booker.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'English' }).click();
    await booker.getByRole('combobox', { name: 'Times shown in' }).waitFor();
    await firstTime.click();
    await booker.getByRole('button', { name: 'Continue' }).click();
    await booker.getByRole('textbox', { name: 'First name' }).fill('Paula');
    await booker.getByRole('textbox', { name: 'Last name' }).fill('Booker');
    await booker.getByRole('textbox', { name: 'Email' }).fill('paula.booker@example.net');
    await booker.getByRole('textbox', { name: 'Phone' }).fill('(312) 640-1234');
    await booker.getByRole('textbox', { name: 'Which plan do you have today?' }).fill('Original Medicare');
    await expectAccessible(booker, '/book/$slug form');
    await booker.getByRole('button', { name: 'Book this time' }).click();
    await booker.getByRole('heading', { level: 1, name: 'You’re booked' }).waitFor();
    const confirmation = await booker.getByTestId('booking-confirmation').textContent();
    expect(confirmation).toContain('Medicare consultations with Olivia Grant');
    expect(confirmation).toContain('America/Chicago');
    await expectAccessible(booker, '/book/$slug booked');
    await saveScreenshot(booker, 'booking-confirmed');

    await booker.getByRole('link', { name: 'Cancel or choose another time' }).click();
    await booker.getByRole('heading', { level: 1, name: 'Your appointment' }).waitFor();
    expect(pathOf(booker)).toMatch(/^\/book\/medicare-consultations\/manage\/[A-Za-z0-9_-]+$/);
    await booker.getByRole('button', { name: 'Choose another time' }).waitFor();
    await expectAccessible(booker, '/book/$slug/manage/$token');
    // Cancelling asks first, in place; keeping it changes nothing.
    await booker.getByRole('button', { name: 'Cancel appointment' }).click();
    await booker.getByRole('group', { name: 'Cancel this appointment?' }).waitFor();
    await expectAccessible(booker, '/book/$slug/manage/$token confirming the cancellation');
    await booker.getByRole('button', { name: 'Keep it' }).click();
    await booker.getByRole('button', { name: 'Choose another time' }).waitFor();

    // The same link cut short (as a mail client might): not "1 invalid field", but a way to book again.
    await booker.goto(pathOf(booker).slice(0, -12));
    await booker.getByRole('heading', { level: 1, name: 'This link is not valid' }).waitFor();
    expect(await booker.getByText(/invalid field/).count()).toBe(0);
    await expectAccessible(booker, '/book/$slug/manage/$token damaged');
    await booker.getByRole('link', { name: 'Book an appointment' }).click();
    await booker.getByTestId('open-times').getByRole('button').first().waitFor();
    expect(pathOf(booker)).toBe('/book/medicare-consultations');
    // A link to a booking page that does not exist says so, in the visitor's words, not the API's.
    await booker.goto('/book/no-such-schedule');
    await booker.getByRole('heading', { level: 1, name: 'Booking page not available' }).waitFor();
    await booker
      .getByText('This booking page does not exist or is no longer available.', { exact: false })
      .waitFor();
    await expectAccessible(booker, '/book/$slug unknown');
    expect(bookerErrors).toEqual([]);
    await phone.close();

    // --- The agent finds the new lead and the appointment -------------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await page.getByTestId('lead-row').filter({ hasText: 'Paula Booker' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    // The first open time is today or within the next days: this week's view, else the next one's.
    const chip = page.getByTestId('calendar-activity').filter({ hasText: 'Paula Booker' }).first();
    for (let week = 0; ; week++) {
      try {
        await chip.waitFor({ timeout: 5_000 });
        break;
      } catch (e) {
        if (week === 2) throw e;
        await page.getByRole('button', { name: 'Next week' }).click();
      }
    }
    await expectAccessible(page, '/calendar with the booked appointment');
    expect(admin.errors).toEqual([]);
  });
});
