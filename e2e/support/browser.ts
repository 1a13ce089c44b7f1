import fs from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from './server.ts';

export const VIEWPORT = { width: 1366, height: 768 };

/** Debian's chromium, headless, with nothing phoning home. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Actor = { context: BrowserContext; page: Page; errors: string[] };

/**
 * One person at one browser: a fresh context (own cookies) at a laptop size. Uncaught page errors
 * and console errors (e.g. a Content-Security-Policy refusal) are collected so a test can assert
 * there were none; failed HTTP answers the app expects (401 while signed out, 4xx problems) are not
 * errors of the page and are left out.
 */
export async function newActor(browser: Browser, baseUrl: string): Promise<Actor> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: VIEWPORT,
    locale: 'en-US',
    timezoneId: 'America/New_York',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
  });
  return { context, page, errors };
}

/** README screenshots go to docs/screenshots. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(REPO_ROOT, 'docs/screenshots');
  await fs.mkdir(dir, { recursive: true });
  // No toast over the picture, fonts loaded, no hover: a stable picture.
  const toasts = page.getByRole('button', { name: 'Close notification' });
  for (let i = 0; i < 10 && (await toasts.count()) > 0; i++) {
    await toasts
      .first()
      .click({ timeout: 2_000 })
      .catch(() => {});
    await page.waitForTimeout(100);
  }
  await page.evaluate('document.fonts.ready');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}
