import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTextingWindow } from '../src/modules/messaging/rules/texting-window.ts';
import { recipientZones } from '../src/modules/messaging/rules/recipient-zones.ts';
import { mailText, startSmtpServer } from '../test/support/smtp.ts';
import { apiAs } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { type Actor, launchBrowser, newActor, saveScreenshot } from './support/browser.ts';
import { signIn } from './support/flows.ts';
import { createAccount, type RunningServer, startServer } from './support/server.ts';
import { toast } from './support/ui.ts';

/**
 * Issue 13 end to end, on the built server with the built-in simulator and a real SMTP server:
 * an agent texts a lead from its record, the simulated beneficiary replies on the beneficiary
 * phone page, and the reply appears on the lead's Messages tab without a reload (live events);
 * then the agent emails the lead and the SMTP server receives it.
 */
const ADMIN = { login: 'maya', password: 'maya-password-2026', firstName: 'Maya', lastName: 'Ortiz' };
const ACCOUNT_NUMBER = '+12025550100';
const BENEFICIARY = '+12025550143';

/**
 * Texting needs the sender's window (08:00–19:00 in the user's zone) and the recipient's quiet
 * hours (08:00–21:00, stricter in some states) both open. The test runs at any hour, so it picks a
 * place (the lead's ZIP and the user's zone) where the real rules allow a text now and for the
 * next 20 minutes. US zones from Guam to American Samoa cover every hour of the day.
 */
const PLACES = [
  { zip: '00901', zone: 'America/Puerto_Rico' },
  { zip: '10001', zone: 'America/New_York' },
  { zip: '60601', zone: 'America/Chicago' },
  { zip: '80202', zone: 'America/Denver' },
  { zip: '94105', zone: 'America/Los_Angeles' },
  { zip: '99501', zone: 'America/Anchorage' },
  { zip: '96813', zone: 'Pacific/Honolulu' },
  { zip: '96799', zone: 'Pacific/Pago_Pago' },
  { zip: '96910', zone: 'Pacific/Guam' },
];
/**
 * The server's messaging clock starts at this instant (MESSAGING_CLOCK_START, a Tuesday late
 * morning in the US), so the texting windows are open whenever the suite runs; it runs at real
 * speed from there.
 */
const MESSAGING_CLOCK_START = '2026-12-08T16:00:00Z';

function placeOpenNow() {
  const now = Date.parse(MESSAGING_CLOCK_START);
  for (const p of PLACES) {
    const r = recipientZones({ zip: p.zip, phone: BENEFICIARY });
    const recipient = { zones: r.zones, ...(r.state ? { state: r.state } : {}) };
    const open = [0, 20].every(
      (min) =>
        checkTextingWindow({ at: new Date(now + min * 60_000), sender: { zone: p.zone }, recipient }).allowed,
    );
    if (open) return p;
  }
  throw new Error('no US place where texting is allowed for the next 20 minutes');
}

/** The lead's Messages tab shows a message with this text. */
const timelineItem = (page: Page, text: string) =>
  page
    .getByRole('feed', { name: 'Messages, newest first' })
    .getByTestId('message-item')
    .filter({ hasText: text });

describe('messaging: text a lead, the beneficiary replies, the agent sees it live; email', () => {
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let browser: Browser;
  let agent: Actor;
  let api: Awaited<ReturnType<typeof apiAs>>;
  let leadId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({
      env: {
        SMTP_URL: smtp.url,
        MESSAGING_PROVIDER: 'simulator',
        EMAIL_FROM: 'crm@bayside.test',
        MESSAGING_CLOCK_START,
      },
    });
    browser = await launchBrowser();
    await createAccount(server, {
      name: 'Harbor Health Agency',
      username: ADMIN.login,
      email: 'maya@harbor.test',
      password: ADMIN.password,
      firstName: ADMIN.firstName,
      lastName: ADMIN.lastName,
    });
    agent = await newActor(browser, server.baseUrl);
    await signIn(agent.page, ADMIN.login, ADMIN.password, ADMIN.firstName);
    api = await apiAs(agent.page);

    const place = placeOpenNow();
    expect((await api.patch('/me', { timeZone: place.zone })).status).toBe(200);
    const number = await api.post('/phone-numbers', { number: ACCOUNT_NUMBER, label: 'Main line' });
    expect(number.status, JSON.stringify(number.body)).toBe(201);
    const me = (await api.get('/me')).body as { id: string };
    const lead = await api.post('/sales-records', {
      assignedUserId: me.id,
      firstName: 'Walter',
      lastName: 'Price',
      phone: BENEFICIARY,
      email: 'walter.price@example.test',
      zip: place.zip,
    });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    leadId = (lead.body as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('texts the lead from its Messages tab with the live segment counter and a merge field', async () => {
    const { page } = agent;
    await page.goto(`/leads/${leadId}?tab=messages`);
    await page.getByRole('heading', { level: 1, name: 'Walter Price' }).waitFor();
    await page.getByRole('tab', { name: 'Messages', selected: true }).waitFor();
    await page.getByText('No texts or emails yet.').waitFor();
    await expectAccessible(page, 'lead › Messages');

    await page.getByRole('tabpanel').getByRole('button', { name: 'Text', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Message Walter Price' });
    await dialog.waitFor();
    const body = dialog.getByRole('textbox', { name: 'Text' });
    await body.fill('Hi ');
    await dialog.getByRole('button', { name: 'Insert a merge field' }).click();
    await page.getByRole('menuitem', { name: '{{firstName}}' }).click();
    await body.press('End');
    await body.pressSequentially(', your Medicare plan review is ready. Reply here with questions.');
    expect(await body.inputValue()).toBe(
      'Hi {{firstName}}, your Medicare plan review is ready. Reply here with questions.',
    );
    // The counter as typed: GSM-7, one segment.
    await expect
      .poll(() => dialog.getByTestId('segment-counter').textContent())
      .toMatch(/^GSM-7 · \d+ characters left · 1 segment$/);
    // A non-GSM character switches the count to UCS-2.
    await body.press('End');
    await body.pressSequentially(' 😊');
    await expect.poll(() => dialog.getByTestId('segment-counter').textContent()).toContain('UCS-2');
    await body.press('Backspace'); // the emoji (one grapheme)
    await body.press('Backspace'); // the space
    await expect.poll(() => dialog.getByTestId('segment-counter').textContent()).toContain('GSM-7');
    // The server's preview: the merged text.
    await dialog
      .getByRole('region', { name: 'Preview' })
      .getByText('Hi Walter, your Medicare plan review is ready. Reply here with questions.')
      .waitFor();
    await expectAccessible(page, 'compose dialog');
    await body.press('Control+Enter');
    await toast(page, 'Text sent');
    await dialog.waitFor({ state: 'hidden' });
    await timelineItem(page, 'Hi Walter, your Medicare plan review is ready.').waitFor();
    // The simulator reports delivery through the same path as Twilio's callbacks.
    await timelineItem(page, 'Hi Walter').getByText('Delivered').waitFor({ timeout: 20_000 });
  });

  it('the beneficiary sees the text on the simulated phone and replies; the reply appears on the lead live', async () => {
    const { page } = agent;
    const phone = await agent.context.newPage();
    await phone.goto('/messages/beneficiary-phone');
    await phone.getByRole('heading', { level: 1, name: 'Beneficiary phone' }).waitFor();
    await phone.getByText('Simulator only').waitFor();
    await phone.getByRole('textbox', { name: 'Or type a number (E.164)' }).fill(BENEFICIARY);
    const log = phone.getByRole('log');
    await log.getByTestId('phone-received').filter({ hasText: 'Hi Walter' }).waitFor();
    await expectAccessible(phone, 'beneficiary phone');
    await phone.getByRole('textbox', { name: 'Reply' }).fill('Thanks! Can you call me tomorrow at 10?');
    await phone.getByRole('button', { name: 'Send reply' }).click();
    await log.getByTestId('phone-sent').filter({ hasText: 'call me tomorrow' }).waitFor();

    // The agent's page was never reloaded: the live event refreshed the timeline and the badge.
    await page.bringToFront();
    await timelineItem(page, 'Thanks! Can you call me tomorrow at 10?').waitFor();
    await page.getByRole('link', { name: 'Messages: 1 unread' }).waitFor();
    await phone.close();
  });

  it('shows the reply in the Messages inbox, bold until marked read', async () => {
    const { page } = agent;
    await page.getByRole('link', { name: 'Messages: 1 unread' }).click();
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    const reply = page.getByTestId('message-item').filter({ hasText: 'call me tomorrow' });
    await reply.waitFor();
    await reply.getByText('Walter Price').waitFor();
    await expectAccessible(page, '/messages');
    await reply.getByRole('button', { name: 'Mark read' }).click();
    await page.getByRole('link', { name: 'Messages: none unread' }).waitFor();
    // A phone-sized screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await reply.waitFor();
    await expectAccessible(page, '/messages at 390 px');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('emails the lead through the SMTP server, logged on the timeline', async () => {
    const { page } = agent;
    await page.goto(`/leads/${leadId}?tab=messages`);
    await page.getByRole('tabpanel').getByRole('button', { name: 'Email', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Message Walter Price' });
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('Your plan review, {{firstName}}');
    await dialog
      .getByRole('textbox', { name: 'Message' })
      .fill('Dear {{firstName}},\n\nHere is your review.\n\nMaya');
    await dialog.getByRole('region', { name: 'Preview' }).getByText('Your plan review, Walter').waitFor();
    await dialog.getByRole('button', { name: 'Send email' }).click();
    await toast(page, 'Email sent');
    await timelineItem(page, 'Here is your review.').waitFor();

    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail!.to).toEqual(['walter.price@example.test']);
    const text = mailText(mail!.raw);
    expect(text).toContain('Your plan review, Walter');
    expect(text).toContain('Dear Walter,');
    expect(text).toContain('Maya Ortiz');
    expect(agent.errors).toEqual([]);
    await saveScreenshot(page, 'messaging-lead-timeline');
  });
});
