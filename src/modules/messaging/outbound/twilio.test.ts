import { and, eq } from 'drizzle-orm';
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../../test/support/app.ts';
import { startFakeTwilio, type FakeTwilio } from '../../../../test/support/fake-twilio.ts';
import { setMessagingClock } from '../clock.ts';
import { messages, messageStatusEvents, optOutLedger } from '../schema.ts';
import { drainAll, recoverDispatching } from './engine.ts';

/** Tuesday 2026-12-08 15:00 UTC: inside every window for a Chicago lead. */
const OPEN = new Date('2026-12-08T15:00:00Z');
const STATUS_URL = 'http://openams.test/api/webhooks/twilio/sms/status';

let t: TestApp;
let fake: FakeTwilio;
const saved = { ...process.env };
beforeAll(async () => {
  fake = await startFakeTwilio();
  Object.assign(process.env, {
    MESSAGING_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: fake.accountSid,
    TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_API_BASE: fake.url,
    TWILIO_TIMEOUT_SECONDS: '0.5',
    MESSAGING_RETRY_BASE_SECONDS: '10',
    MESSAGING_MAX_ATTEMPTS: '3',
  });
  t = await createTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
  await fake?.close();
  process.env = saved;
});
afterEach(() => {
  setMessagingClock(null);
  fake.failAll(0);
  fake.hang(false);
});
const at = (d: Date) => setMessagingClock(() => d);

let n = Math.floor(Math.random() * 9000);
async function world() {
  const a = await t.newAccount();
  const agentId = (await a.admin.post('/api/v1/agents', { firstName: 'Ada', lastName: 'Agent' })).json().id;
  const number = (
    await a.admin.post('/api/v1/phone-numbers', {
      number: `+1312203${String(n++).padStart(4, '0')}`,
      label: 'Main',
    })
  ).json();
  const cell = `+1312204${String(n++).padStart(4, '0')}`;
  const lead = (
    await a.admin.post('/api/v1/sales-records', {
      firstName: 'Lena',
      lastName: 'Lead',
      cellPhone: cell,
      zip: '60601',
      assignedAgentId: agentId,
    })
  ).json().id as string;
  return { a, number, lead, cell };
}
const send = (a: TestAccount, lead: string, body: string) =>
  a.admin.post('/api/v1/messages', {
    channel: 'sms',
    to: { type: 'sales_record', id: lead },
    body,
    whenOutsideWindow: 'queue',
  });
const row = async (accountId: string, id: string) =>
  (
    await t.deps.db
      .select()
      .from(messages)
      .where(and(eq(messages.accountId, accountId), eq(messages.id, id)))
  )[0]!;

describe('Twilio through the official package, against a fake Twilio REST server', () => {
  it('sends with Basic auth and To/From/Body/StatusCallback; stores the SM id', async () => {
    const w = await world();
    at(OPEN);
    const r = await send(w.a, w.lead, 'Hello {{firstName}}');
    expect(r.statusCode, r.body).toBe(201);
    const got = fake.messages.find((m) => m.to === w.cell)!;
    expect(got).toMatchObject({ from: w.number.number, body: 'Hello Lena', statusCallback: STATUS_URL });
    expect(r.json()).toMatchObject({ status: 'submitted', deliveryStatus: 'queued' });
    expect((await row(w.a.accountId, r.json().id)).providerMessageId).toBe(got.sid);
  });

  it('an outage (5xx) retries with backoff, then reports failed with the reason', async () => {
    const w = await world();
    at(OPEN);
    fake.failAll(503);
    const r = await send(w.a, w.lead, 'Outage');
    expect(r.statusCode).toBe(202);
    const id = r.json().id as string;
    let m = await row(w.a.accountId, id);
    expect(m).toMatchObject({ status: 'pending', attempts: 1 });
    expect(m.sendAfter!.getTime()).toBe(OPEN.getTime() + 10_000);
    at(new Date(OPEN.getTime() + 9_999));
    expect(await drainAll(t.deps)).toBe(0);
    at(new Date(OPEN.getTime() + 10_000));
    expect(await drainAll(t.deps)).toBe(1);
    m = await row(w.a.accountId, id);
    expect(m).toMatchObject({ status: 'pending', attempts: 2 });
    expect(m.sendAfter!.getTime()).toBe(OPEN.getTime() + 10_000 + 20_000);
    at(new Date(OPEN.getTime() + 30_000));
    expect(await drainAll(t.deps)).toBe(1);
    m = await row(w.a.accountId, id);
    expect(m.status).toBe('failed');
    expect(m.errorMessage).toContain('after 3 attempts');
    expect(fake.messages.filter((x) => x.to === w.cell)).toHaveLength(0);
  });

  it('a hung provider: no answer in time → outcome_unknown, never resent; connection refused → retried', async () => {
    const w = await world();
    at(OPEN);
    fake.hang(true);
    const r = await send(w.a, w.lead, 'Hang');
    expect(r.statusCode).toBe(202);
    await new Promise((res) => setTimeout(res, 800));
    const m = await row(w.a.accountId, r.json().id);
    expect(m).toMatchObject({ status: 'outcome_unknown', errorCode: 'timeout' });
    fake.hang(false);
    at(new Date(OPEN.getTime() + 3_600_000));
    await drainAll(t.deps);
    expect((await row(w.a.accountId, r.json().id)).status).toBe('outcome_unknown');
    expect(fake.messages.filter((x) => x.to === w.cell)).toHaveLength(0);
  });

  it('21610 (unsubscribed) fails the text for good and records the opt-out (a 4xx is never retried)', async () => {
    const w = await world();
    at(OPEN);
    fake.refuse(w.cell, 21610);
    const r = await send(w.a, w.lead, 'Refused');
    expect(r.statusCode).toBe(202);
    expect(await row(w.a.accountId, r.json().id)).toMatchObject({
      status: 'failed',
      errorCode: '21610',
      attempts: 1,
    });
    const ledger = await t.deps.db
      .select()
      .from(optOutLedger)
      .where(eq(optOutLedger.accountId, w.a.accountId));
    expect(ledger).toMatchObject([
      { phone: w.cell, accountNumber: w.number.number, action: 'opt_out', source: 'provider' },
    ]);
    const again = await send(w.a, w.lead, 'Again');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('opted_out');
  });

  it('recovery: a text left dispatching becomes outcome_unknown and is never sent again', async () => {
    const w = await world();
    at(OPEN);
    fake.failAll(503);
    const r = await send(w.a, w.lead, 'Crash');
    fake.failAll(0);
    const id = r.json().id as string;
    await t.deps.db
      .update(messages)
      .set({ status: 'dispatching', statusAt: new Date(OPEN.getTime() - 600_000) })
      .where(and(eq(messages.accountId, w.a.accountId), eq(messages.id, id)));
    expect(await recoverDispatching(t.deps, 120_000)).toBeGreaterThanOrEqual(1);
    at(new Date(OPEN.getTime() + 3_600_000));
    await drainAll(t.deps);
    expect(await row(w.a.accountId, id)).toMatchObject({ status: 'outcome_unknown' });
    expect(fake.messages.filter((x) => x.to === w.cell)).toHaveLength(0);
  });
});

describe('status callback webhook', () => {
  const post = (params: Record<string, string>, signature?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/webhooks/twilio/sms/status',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature ? { 'x-twilio-signature': signature } : {}),
      },
      payload: new URLSearchParams(params).toString(),
    });
  const sign = (params: Record<string, string>, url = STATUS_URL) =>
    twilio.getExpectedTwilioSignature(fake.authToken, url, params);

  it('valid → applied; tampered, wrong URL, unsigned → 403; replayed 10× changes nothing; never backwards', async () => {
    const w = await world();
    at(OPEN);
    const r = await send(w.a, w.lead, 'Status');
    const id = r.json().id as string;
    const sid = (await row(w.a.accountId, id)).providerMessageId!;
    const delivered = {
      MessageSid: sid,
      MessageStatus: 'delivered',
      AccountSid: fake.accountSid,
      ApiVersion: '2010-04-01',
    };
    expect((await post(delivered)).statusCode).toBe(403);
    expect((await post({ ...delivered, MessageStatus: 'failed' }, sign(delivered))).statusCode).toBe(403);
    expect(
      (await post(delivered, sign(delivered, 'http://evil.test/api/webhooks/twilio/sms/status'))).statusCode,
    ).toBe(403);
    expect(await post(delivered, 'AAAA')).toMatchObject({ statusCode: 403 });
    expect((await row(w.a.accountId, id)).deliveryStatus).toBe('queued');
    const ok = await post(delivered, sign(delivered));
    expect(ok.statusCode, ok.body).toBe(204);
    const after = await row(w.a.accountId, id);
    expect(after.deliveryStatus).toBe('delivered');
    const events = async () =>
      t.deps.db
        .select()
        .from(messageStatusEvents)
        .where(and(eq(messageStatusEvents.accountId, w.a.accountId), eq(messageStatusEvents.messageId, id)));
    const count = (await events()).length;
    for (let i = 0; i < 10; i++) expect((await post(delivered, sign(delivered))).statusCode).toBe(204);
    expect(await events()).toHaveLength(count);
    expect(await row(w.a.accountId, id)).toEqual(after);
    // A late "sent" is recorded in the history but does not move the state back.
    const sent = { MessageSid: sid, MessageStatus: 'sent' };
    expect((await post(sent, sign(sent))).statusCode).toBe(204);
    expect((await row(w.a.accountId, id)).deliveryStatus).toBe('delivered');
    const history = (await w.a.admin.get(`/api/v1/messages/${id}`))
      .json()
      .statusHistory.map((h: { status: string }) => h.status);
    expect(history.sort()).toEqual(['delivered', 'queued', 'sent']);
  });
});
