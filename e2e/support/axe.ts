import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Run axe on the page as it is now and fail, listing them, on any serious or critical violation.
 * Also checks the page basics axe does not: one h1 and a non-empty title.
 */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const problems = bad.map(
    (v) =>
      `- [${v.impact}] ${v.id}: ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n'),
  );
  const h1s = await page.locator('h1').count();
  if (h1s !== 1) problems.push(`- the page has ${h1s} h1 elements (expected exactly one)`);
  const title = await page.title();
  if (!title.trim()) problems.push('- the page has no <title>');
  if (problems.length > 0) {
    throw new Error(`Accessibility problems on ${label}:\n${problems.join('\n')}`);
  }
}
