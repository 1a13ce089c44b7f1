import type { Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';

/** Fill the sign-in form and submit it (the caller checks where it lands). */
export async function submitSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Username or email').fill(login);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Sign in from /login and wait for the home page; checks both pages with axe. */
export async function signIn(page: Page, login: string, password: string, firstName: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await expectAccessible(page, '/login');
  await submitSignIn(page, login, password);
  await page.getByRole('heading', { level: 1, name: `Welcome, ${firstName}` }).waitFor();
}

/** Sign out through the user menu and wait for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^User menu for / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}

/** The path (and query) of the page's URL. */
export const pathOf = (page: Page): string => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};
