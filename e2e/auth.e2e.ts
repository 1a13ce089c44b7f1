import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/cli/seed-demo.ts';
import { expectAccessible } from './support/axe.ts';
import { launchBrowser, newActor } from './support/browser.ts';
import { pathOf, signIn, signOut, submitSignIn } from './support/flows.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';

/** The demo agency made by `openams seed-demo` (src/cli/seed-demo.ts). */
const DEMO = {
  password: DEMO_PASSWORD,
  admin: { login: 'demo.owner', firstName: 'Dana' },
  agent: { login: 'maria.alvarez', email: 'maria.alvarez@sunrise-demo.test', firstName: 'Maria' },
};

describe('signing in and out, passwords', () => {
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

  it('signs in with the right password, refuses a wrong one, and signs out', async () => {
    await createAccount(server, {
      name: 'Harbor Health Agency',
      username: 'hana',
      email: 'hana@harbor.test',
      password: 'hana-password-2026',
      firstName: 'Hana',
      lastName: 'Okoro',
    });
    const { page, context, errors } = await newActor(browser, server.baseUrl);

    // Signed out, a page of the app sends to sign in and remembers where we were going.
    await page.goto('/profile');
    await page.waitForURL('**/login?**');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/profile');
    await expectAccessible(page, '/login');

    // A wrong password: the server's problem detail is shown, we stay on the page.
    await submitSignIn(page, 'hana', 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: 'The login or password is not correct.' });
    await alert.waitFor();
    expect(pathOf(page)).toMatch(/^\/login/);
    await expectAccessible(page, '/login with an error');

    // The right one (with the email as login) lands where we were going.
    await submitSignIn(page, 'HANA@harbor.test', 'hana-password-2026');
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    expect(pathOf(page)).toBe('/profile');
    await expectAccessible(page, '/profile');

    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Hana' }).waitFor();
    await expect(page.getByTestId('header-account-name').textContent()).resolves.toBe('Harbor Health Agency');
    await expectAccessible(page, 'Home');

    await signOut(page);
    await expectAccessible(page, '/login after sign-out');

    // The session is gone: / redirects to sign in again.
    await page.goto('/');
    await page.waitForURL('**/login**');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const me = await page.request.get('/api/v1/me');
    expect(me.status()).toBe(401);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('makes a user with a temporary password choose a new one first', async () => {
    const created = await createAccount(server, {
      name: 'Temp Password Agency',
      username: 'tess',
      email: 'tess@temp.test',
      firstName: 'Tess',
      lastName: 'Nguyen',
    });
    expect(created.temporaryPassword).toBeTruthy();
    const temporary = created.temporaryPassword!;
    const { page, context, errors } = await newActor(browser, server.baseUrl);

    await page.goto('/login');
    await submitSignIn(page, 'tess', temporary);
    await page.waitForURL('**/change-password');
    await page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
    await expectAccessible(page, '/change-password (forced)');

    // Until it is changed, the rest of the app sends back here.
    await page.goto('/settings/account');
    await page.waitForURL('**/change-password');

    // A wrong temporary password is reported on its field.
    await page.getByLabel('Temporary password').fill('wrong-temporary');
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('tess-own-password-1');
    await page.getByLabel('Confirm new password').fill('tess-own-password-1');
    await page.getByRole('button', { name: 'Set password and continue' }).click();
    await page.getByText('Not correct.').waitFor();
    await expectAccessible(page, '/change-password with an error');

    await page.getByLabel('Temporary password').fill(temporary);
    await page.getByRole('button', { name: 'Set password and continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Tess' }).waitFor();
    expect(pathOf(page)).toBe('/');
    await expectAccessible(page, 'Home after the forced change');

    await signOut(page);
    await signIn(page, 'tess', 'tess-own-password-1', 'Tess');
    expect(pathOf(page)).toBe('/');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('resets a forgotten password with the link from the outbox, once', async () => {
    await server.cli(['seed-demo']);
    const user = await newActor(browser, server.baseUrl);
    const admin = await newActor(browser, server.baseUrl);

    // The agent asks for a reset link.
    await user.page.goto('/login');
    await user.page.getByRole('link', { name: 'Forgot password?' }).click();
    await user.page.waitForURL('**/forgot-password');
    await user.page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await expectAccessible(user.page, '/forgot-password');
    await user.page.getByLabel('Username or email').fill(DEMO.agent.login);
    await user.page.getByRole('button', { name: 'Email me a reset link' }).click();
    await user.page.getByText('If that account exists, we emailed a link').waitFor();
    await expectAccessible(user.page, '/forgot-password after sending');

    // An admin of the same agency finds the email in Settings › Outbox.
    await signIn(admin.page, DEMO.admin.login, DEMO.password, DEMO.admin.firstName);
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const row = admin.page
      .getByTestId('email-row')
      .filter({ hasText: 'Reset your OpenAMS password' })
      .first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(DEMO.agent.email);
    await expectAccessible(admin.page, '/settings/outbox');
    await row.click();
    const dialog = admin.page.getByRole('dialog', { name: 'Reset your OpenAMS password' });
    await dialog.getByTestId('email-body').waitFor();
    await expectAccessible(admin.page, '/settings/outbox with the email open');
    const link = dialog.getByTestId('email-body').getByRole('link', { name: /\/reset-password\?token=/ });
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${server.baseUrl}/reset-password\\?token=`));
    await admin.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The agent opens the link and picks a new password.
    await user.page.goto(href!);
    await user.page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectAccessible(user.page, '/reset-password');
    await user.page.getByRole('textbox', { name: 'New password', exact: true }).fill('maria-new-password-1');
    await user.page.getByLabel('Confirm new password').fill('maria-new-password-1');
    await user.page.getByRole('button', { name: 'Set new password' }).click();
    await user.page.getByText('Your new password is set').waitFor();
    await expectAccessible(user.page, '/reset-password done');

    // Signing in works with the new password only; an agent has no Settings.
    await user.page.getByRole('link', { name: 'Sign in' }).click();
    await user.page.waitForURL('**/login');
    await submitSignIn(user.page, DEMO.agent.login, DEMO.password);
    await user.page.getByText('The login or password is not correct.').waitFor();
    await submitSignIn(user.page, DEMO.agent.login, 'maria-new-password-1');
    await user.page.getByRole('heading', { level: 1, name: `Welcome, ${DEMO.agent.firstName}` }).waitFor();
    // The demo agent works leads and clients, but has no Settings.
    await expect(user.page.getByRole('navigation').getByRole('link').allTextContents()).resolves.toEqual([
      'Home',
      'Dashboard',
      'Leads',
      'Calendar',
      'Clients',
    ]);
    await expectAccessible(user.page, 'Home of an agent');
    // Settings are for admins: the agent is told so at that address (not bounced home silently).
    await user.page.goto('/settings/outbox');
    await user.page.getByRole('heading', { level: 1, name: 'You don’t have access to Settings' }).waitFor();
    expect(new URL(user.page.url()).pathname).toBe('/settings/outbox');

    // The same link a second time: already used.
    await user.page.goto(href!);
    await user.page.getByRole('textbox', { name: 'New password', exact: true }).fill('maria-third-password');
    await user.page.getByLabel('Confirm new password').fill('maria-third-password');
    await user.page.getByRole('button', { name: 'Set new password' }).click();
    await user.page.getByRole('alert').filter({ hasText: 'already been used' }).waitFor();
    await user.page.getByRole('link', { name: 'Request a new link' }).waitFor();
    await expectAccessible(user.page, '/reset-password with a used link');

    // A link with a made-up token is refused as not valid.
    await user.page.goto('/reset-password?token=not-a-real-token');
    await user.page.getByRole('textbox', { name: 'New password', exact: true }).fill('maria-third-password');
    await user.page.getByLabel('Confirm new password').fill('maria-third-password');
    await user.page.getByRole('button', { name: 'Set new password' }).click();
    await user.page.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
    await expectAccessible(user.page, '/reset-password with an invalid link');

    expect(user.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await user.context.close();
    await admin.context.close();
  });
});
