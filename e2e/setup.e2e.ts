import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { launchBrowser, newActor } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

describe('first-run setup', () => {
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

  it('creates the account on an empty install, lands on Home, and is gone afterwards', async () => {
    const { page, context, errors } = await newActor(browser, server.baseUrl);

    // An empty install sends every visitor to the setup page.
    await page.goto('/');
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { level: 1, name: 'Set up OpenAMS' }).waitFor();
    expect(await page.title()).toBe('Set up OpenAMS · OpenAMS');
    await expectAccessible(page, '/setup');

    // Client-side validation first: nothing is sent with empty or mismatched fields.
    await page.getByRole('button', { name: 'Create agency' }).click();
    await page.getByText('Agency name is required.').waitFor();
    await expectAccessible(page, '/setup with errors');

    await page.getByLabel('Agency name').fill('Blue Ridge Benefits');
    await page.getByRole('combobox', { name: 'Package' }).click();
    await page.getByRole('option', { name: 'Elevate' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Chicago');
    await page.getByRole('option', { name: /America\/Chicago/ }).click();
    await page.getByLabel('First name').fill('Rosa');
    await page.getByLabel('Last name').fill('Delgado');
    await page.getByLabel('Email').fill('rosa@blueridge.test');
    await page.getByLabel('Username').fill('rosa');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
    await page.getByLabel('Confirm password').fill('correct horse battery!');
    await page.getByRole('button', { name: 'Create agency' }).click();
    await page.getByText('The passwords do not match.').waitFor();
    await page.getByLabel('Confirm password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create agency' }).click();

    // Signed in as the new admin, on Home.
    await page.getByRole('heading', { level: 1, name: 'Welcome, Rosa' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByTestId('header-account-name').textContent()).resolves.toBe('Blue Ridge Benefits');
    await page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).waitFor();
    await expectAccessible(page, 'Home after setup');

    // Setup is done: the page redirects away, and the API refuses a second setup.
    await page.goto('/setup');
    await page.waitForURL((url) => url.pathname !== '/setup');
    expect(['/', '/login']).toContain(new URL(page.url()).pathname);
    const again = await fetch(`${server.baseUrl}/api/v1/setup`);
    expect(await again.json()).toEqual({ needed: false });

    // A signed-out visitor on /setup lands on the sign-in page.
    const visitor = await newActor(browser, server.baseUrl);
    await visitor.page.goto('/setup');
    await visitor.page.waitForURL('**/login');
    await visitor.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expectAccessible(visitor.page, '/login');
    await visitor.context.close();

    expect(errors).toEqual([]);
    await context.close();
  });
});
