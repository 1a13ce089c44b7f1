import type { Locator, Page } from 'playwright-core';

/**
 * Pick `option` in the Mantine Select labelled `label` (within `scope`, the page by default). The
 * dropdown closes by itself, so no Escape (which would also close a surrounding dialog).
 */
export async function choose(
  page: Page,
  label: string,
  option: string | RegExp,
  scope: Page | Locator = page,
): Promise<void> {
  await scope
    .getByRole('textbox', { name: label, exact: true })
    .or(scope.getByRole('combobox', { name: label, exact: true }))
    .first()
    .click();
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** Wait for a toast whose text contains `text`, then close it so it does not cover anything. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  const note = page.locator('.mantine-Notification-root').filter({ hasText: text }).first();
  await note.waitFor();
  await note
    .getByRole('button', { name: 'Close notification' })
    .click({ timeout: 2_000 })
    .catch(() => {});
}

/** A minimal valid PDF (it starts with `%PDF-`, which the server checks). */
export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
