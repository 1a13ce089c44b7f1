import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { launchBrowser, newActor, saveScreenshot } from './support/browser.ts';
import { signIn } from './support/flows.ts';
import { toast } from './support/ui.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';

describe('Scope of Appointment signed online (issue 14)', () => {
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

  it('an agent sends an SOA, the beneficiary signs on a phone with a drawn signature, the agent downloads the PDF; /verify knows it', async () => {
    await createAccount(server, {
      name: 'Harbor Health Advisors',
      username: 'olivia',
      email: 'olivia@harbor.test',
      password: 'olivia-password-2026',
      firstName: 'Olivia',
      lastName: 'Grant',
    });
    const agent = await newActor(browser, server.baseUrl);
    const page = agent.page;
    await signIn(page, 'olivia', 'olivia-password-2026', 'Olivia');
    const api = await apiAs(page);
    expect((await api.patch('/form-settings/soa', { active: true })).status).toBe(200);
    expect(
      (
        await api.patch('/me/sales-profile', {
          phone: '+13125550100',
          signature: { kind: 'typed', text: 'Olivia Grant' },
          salesRepIds: [{ value: 'REP-4411', isDefault: true }],
        })
      ).status,
    ).toBe(200);
    const created = await api.post('/sales-records', {
      firstName: 'Rosa',
      lastName: 'Delgado',
      email: 'rosa.delgado@example.net',
    });
    expect(created.status).toBe(201);
    const id = created.body!.id as string;

    // --- The agent sends the SOA from the record's Forms tab ---------------------------------------
    await page.goto(`/leads/${id}?tab=forms`);
    await page.getByRole('heading', { name: 'Compliance forms' }).waitFor();
    await expectAccessible(page, '/leads/$id?tab=forms (empty)');
    await page.getByRole('button', { name: 'Send a form' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send a form' });
    await dialog.getByRole('checkbox', { name: /Part D/ }).check();
    await dialog.getByRole('checkbox', { name: /Medicare Advantage/ }).check();
    const appt = new Date(Date.now() + 4 * 86_400_000);
    const local = `${appt.getFullYear()}-${String(appt.getMonth() + 1).padStart(2, '0')}-${String(appt.getDate()).padStart(2, '0')}T10:00`;
    await dialog.getByLabel('Appointment').fill(local);
    await expectAccessible(page, 'send form dialog');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await toast(page, 'Form sent');
    await page.getByTestId('forms-table').getByText('requested').waitFor();

    // The link, from the email in the outbox (no SMTP in this test server).
    const list = await api.get('/emails');
    const mail = (list.body!.items as { id: string; to: string }[]).find((m) =>
      JSON.stringify(m).includes('rosa.delgado@example.net'),
    )!;
    const full = await api.get(`/emails/${mail.id}`);
    const link = /https?:\/\/\S+\/forms\/[A-Za-z0-9_-]+/.exec(full.body!.textBody as string)![0];
    const path = new URL(link).pathname;

    // --- The beneficiary signs on a phone ------------------------------------------------------------
    const phoneContext = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    phoneContext.setDefaultTimeout(15_000);
    const phone = await phoneContext.newPage();
    const errors: string[] = [];
    phone.on('pageerror', (e) => errors.push(e.message));
    await phone.goto(path);
    await phone
      .getByRole('heading', { level: 1, name: 'Scope of Sales Appointment Confirmation Form' })
      .waitFor();
    await phone.getByText('Olivia Grant').first().waitFor();
    await expectAccessible(phone, '/forms/$token');
    await phone.getByRole('checkbox', { name: /electronic records/ }).check();
    await expect(phone.getByRole('checkbox', { name: /Part D/ }).isChecked()).resolves.toBe(true);
    await phone.getByRole('radio', { name: 'Draw my signature' }).check();
    const canvas = phone.getByTestId('signature-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await phone.mouse.move(box.x + 20, box.y + 100);
    await phone.mouse.down();
    for (let i = 1; i <= 20; i++)
      await phone.mouse.move(box.x + 20 + i * 14, box.y + 100 - Math.sin(i / 2) * 40);
    await phone.mouse.up();
    await saveScreenshot(phone, 'form-signing-phone');
    await phone.getByRole('button', { name: 'Sign' }).click();
    await phone.getByTestId('signed').waitFor();
    const hash = (await phone.getByTestId('signed-hash').innerText()).trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(phone, '/forms/$token (signed)');
    // The same link again: already signed.
    await phone.goto(path);
    await phone.getByRole('heading', { level: 1, name: 'This form has already been signed' }).waitFor();
    await expectAccessible(phone, '/forms/$token (used)');
    expect(errors).toEqual([]);

    // --- The agent sees it completed and downloads the PDF --------------------------------------------
    await page.reload();
    await page.getByTestId('forms-table').getByText('completed').waitFor();
    await page.getByRole('link', { name: /Version 1/ }).waitFor();
    await expectAccessible(page, '/leads/$id?tab=forms (completed)');
    const href = await page.getByRole('link', { name: /Version 1/ }).getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // --- /verify: anyone checks the hash ------------------------------------------------------------
    await phone.goto('/verify');
    await phone.getByRole('heading', { level: 1, name: 'Check a signed document' }).waitFor();
    await phone.getByRole('textbox', { name: /SHA-256/ }).fill(hash);
    await phone.getByRole('button', { name: 'Check' }).click();
    await phone.getByTestId('verify-result').getByText('Issued here, unchanged').waitFor();
    await expectAccessible(phone, '/verify');
    await phoneContext.close();
  });
});
