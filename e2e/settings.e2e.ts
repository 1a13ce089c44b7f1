import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchBrowser, newActor, saveScreenshot } from './support/browser.ts';
import { pathOf, signIn } from './support/flows.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';

describe('profile and account settings', () => {
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

  it('edits the profile and the account, creates an API key shown once and revokes it', async () => {
    await createAccount(server, {
      name: 'Lakeside Insurance Group',
      username: 'lena',
      email: 'lena@lakeside.test',
      password: 'lena-password-2026',
      firstName: 'Lena',
      lastName: 'Park',
    });
    // Something in the outbox, as after a real "forgot password".
    for (const login of ['lena', 'lena@lakeside.test']) {
      const res = await fetch(`${server.baseUrl}/api/v1/password-resets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login }),
      });
      expect(res.status).toBe(202);
    }

    const { page, context, errors } = await newActor(browser, server.baseUrl);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await saveScreenshot(page, 'login');

    await signIn(page, 'lena', 'lena-password-2026', 'Lena');
    await expectAccessible(page, 'Home');
    await saveScreenshot(page, 'home');

    // --- Profile -------------------------------------------------------------------------------
    await page.getByRole('button', { name: 'User menu for Lena Park' }).click();
    await page.getByRole('menuitem', { name: 'Profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    expect(pathOf(page)).toBe('/profile');
    await expectAccessible(page, '/profile');
    await saveScreenshot(page, 'profile');

    // A server-side validation error lands on its field.
    const firstName = page.getByRole('textbox', { name: 'First name' });
    await firstName.fill('L'.repeat(101));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => firstName.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, '/profile with a field error');

    await firstName.fill('Lenora');
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Los Angeles');
    await page.getByRole('option', { name: /America\/Los Angeles/ }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your changes are saved.').waitFor();
    await page.getByRole('button', { name: 'User menu for Lenora Park' }).waitFor();
    await expectAccessible(page, '/profile saved');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    await expect(firstName.inputValue()).resolves.toBe('Lenora');
    await expect(page.getByRole('combobox', { name: 'Time zone' }).inputValue()).resolves.toMatch(
      /America\/Los Angeles/,
    );

    // --- Account settings ----------------------------------------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account settings' }).waitFor();
    const accountName = page.getByRole('textbox', { name: 'Agency name' });
    await expect(accountName.inputValue()).resolves.toBe('Lakeside Insurance Group');
    await expect(page.getByRole('textbox', { name: 'Package' }).inputValue()).resolves.toBe('Scale');
    await expectAccessible(page, '/settings/account');
    await saveScreenshot(page, 'account-settings');

    await accountName.fill('Lakeside Insurance Partners');
    await page.getByRole('combobox', { name: 'Agency time zone' }).fill('Denver');
    await page.getByRole('option', { name: /America\/Denver/ }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The account settings are saved.').waitFor();
    await expect
      .poll(() => page.getByTestId('header-account-name').textContent())
      .toBe('Lakeside Insurance Partners');
    const account = (await (await page.request.get('/api/v1/account')).json()) as { timeZone: string };
    expect(account.timeZone).toBe('America/Denver');
    await expectAccessible(page, '/settings/account saved');

    // --- API keys ------------------------------------------------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByText('No API keys yet').waitFor();
    await expectAccessible(page, '/settings/api-keys (empty)');

    const createKey = async (name: string, scope: 'Full access' | 'Leads only') => {
      await page.getByRole('button', { name: 'Create API key' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create API key' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('radio', { name: scope }).check();
      await expectAccessible(page, 'create API key dialog');
      await dialog.getByRole('button', { name: 'Create key' }).click();
      const shown = page.getByRole('dialog', { name: 'Your new API key' });
      const key = (await shown.getByTestId('new-api-key').textContent())?.trim() ?? '';
      expect(key).toMatch(/^oams_/);
      await shown.getByRole('button', { name: 'Copy key' }).waitFor();
      await expectAccessible(page, 'new API key dialog');
      await shown.getByRole('button', { name: 'Done' }).click();
      await shown.waitFor({ state: 'hidden' });
      return key;
    };
    const leadsKey = await createKey('Acme lead vendor', 'Leads only');
    const fullKey = await createKey('Zapier', 'Full access');

    const rows = page.getByTestId('api-key-row');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first; the secret is never shown again, only its prefix.
    await expect(rows.nth(0).textContent()).resolves.toContain('Zapier');
    await expect(rows.nth(1).textContent()).resolves.toContain('Leads only');
    const html = await page.content();
    expect(html).not.toContain(fullKey);
    expect(html).not.toContain(leadsKey);
    await expectAccessible(page, '/settings/api-keys');
    await saveScreenshot(page, 'api-keys');

    const withKey = (key: string) =>
      fetch(`${server.baseUrl}/api/v1/account`, { headers: { authorization: `Bearer ${key}` } });
    expect((await withKey(fullKey)).status).toBe(200);

    // Revoke, with a confirmation first.
    await rows.nth(0).getByRole('button', { name: 'Revoke Zapier' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke API key?' });
    await confirm.getByText('will stop working immediately').waitFor();
    await expectAccessible(page, 'revoke API key dialog');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => rows.nth(0).textContent()).toContain('Revoked');
    await expect(
      rows
        .nth(0)
        .getByRole('button', { name: /Revoke/ })
        .count(),
    ).resolves.toBe(0);
    await expect(rows.nth(1).textContent()).resolves.toContain('Active');
    expect((await withKey(fullKey)).status).toBe(401);
    await expectAccessible(page, '/settings/api-keys after revoking');

    // --- Outbox --------------------------------------------------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await expect.poll(() => page.getByTestId('email-row').count()).toBe(2);
    await expectAccessible(page, '/settings/outbox');
    await saveScreenshot(page, 'outbox');
    await page.getByRole('button', { name: 'Reset your OpenAMS password' }).first().press('Enter');
    const email = page.getByRole('dialog', { name: 'Reset your OpenAMS password' });
    await email.getByText('lena@lakeside.test').waitFor();
    await email.getByTestId('email-body').getByRole('link').waitFor();
    await expectAccessible(page, 'outbox email');

    expect(errors).toEqual([]);
    await context.close();
  });
});
