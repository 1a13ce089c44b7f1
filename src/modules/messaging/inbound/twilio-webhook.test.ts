import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../../../test/support/app.ts';
import { createTestApp, type TestAccount, type TestApp } from '../../../../test/support/app.ts';
import {
  addAccountNumber,
  fakePhone,
  messageSid,
  postWebhook,
  TWILIO_TOKEN,
  twilioForm,
} from '../../../../test/support/messaging-in.ts';
import { messageRecords, messages, messagingSettings, optOutLedger } from '../schema.ts';

let t: TestApp;
let a: TestAccount;
let ours: string;
beforeAll(async () => {
  t = await createTestApp({ twilioAuthToken: TWILIO_TOKEN, messagingProvider: 'twilio' });
  a = await t.newAccount();
  ours = fakePhone();
  await addAccountNumber(t, a.accountId, ours);
});
afterAll(() => t.close());

const countMessages = async (accountId: string) =>
  (await t.deps.db.select({ id: messages.id }).from(messages).where(eq(messages.accountId, accountId)))
    .length;
const ledgerOf = (phone: string) =>
  t.deps.db
    .select()
    .from(optOutLedger)
    .where(and(eq(optOutLedger.accountId, a.accountId), eq(optOutLedger.phone, phone)));

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
}

describe('POST /api/webhooks/twilio/sms', () => {
  it('stores a validly signed text, links every record with that phone, answers empty TwiML', async () => {
    const phone = fakePhone();
    const lead = await a.admin.post('/api/v1/sales-records', {
      firstName: 'Lena',
      lastName: 'Lead',
      cellPhone: phone,
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const client = await a.admin.post('/api/v1/individuals', {
      firstName: 'Carl',
      lastName: 'Client',
      phone,
    });
    expect(client.statusCode, client.body).toBe(201);
    const agent = await a.admin.post('/api/v1/agents', { firstName: 'Ada', lastName: 'Agent', phone });
    expect(agent.statusCode, agent.body).toBe(201);

    const res = await postWebhook(t, twilioForm({ from: phone, to: ours, body: 'Is Tuesday still good?' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/xml');
    expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

    const [m] = await t.deps.db
      .select()
      .from(messages)
      .where(and(eq(messages.accountId, a.accountId), eq(messages.fromAddress, phone)));
    expect(m).toMatchObject({
      direction: 'inbound',
      status: 'received',
      toAddress: ours,
      body: 'Is Tuesday still good?',
    });
    const links = await t.deps.db.select().from(messageRecords).where(eq(messageRecords.messageId, m!.id));
    expect(links.map((l) => `${l.recordType}:${l.recordId}`).sort()).toEqual(
      [`sales_record:${lead.json().id}`, `individual:${client.json().id}`, `agent:${agent.json().id}`].sort(),
    );
  });

  it('refuses unsigned, tampered and wrongly addressed requests with 403 problem+json, storing nothing', async () => {
    const before = await countMessages(a.accountId);
    const form = twilioForm({ from: fakePhone(), to: ours, body: 'hello' });
    expectProblem(await postWebhook(t, form, { signature: null }), 403);
    expectProblem(await postWebhook(t, form, { signature: 'bm90IGEgc2lnbmF0dXJl' }), 403);
    // Tampered: signed, then the body changed.
    const signed = await import('twilio').then((m) =>
      m.default.getExpectedTwilioSignature(
        TWILIO_TOKEN,
        `${t.deps.config.baseUrl}/api/webhooks/twilio/sms`,
        form,
      ),
    );
    expectProblem(await postWebhook(t, { ...form, Body: 'STOP' }, { signature: signed }), 403);
    expectProblem(await postWebhook(t, { ...form, Extra: '1' }, { signature: signed }), 403);
    // Signed with another token.
    expectProblem(await postWebhook(t, form, { token: 'another-token' }), 403);
    // Signed for another URL: a different host, path or scheme.
    expectProblem(await postWebhook(t, form, { signedUrl: 'http://evil.test/api/webhooks/twilio/sms' }), 403);
    expectProblem(
      await postWebhook(t, form, { signedUrl: 'http://openams.test/api/webhooks/twilio/sms/x' }),
      403,
    );
    expectProblem(
      await postWebhook(t, form, { signedUrl: 'https://openams.test/api/webhooks/twilio/sms' }),
      403,
    );
    // The URL comes from BASE_URL, never from the request's Host / X-Forwarded-* headers.
    expectProblem(
      await postWebhook(t, form, {
        signedUrl: 'http://attacker.test/api/webhooks/twilio/sms',
        headers: { host: 'attacker.test', 'x-forwarded-host': 'attacker.test', 'x-forwarded-proto': 'http' },
      }),
      403,
    );
    expect(await countMessages(a.accountId)).toBe(before);
    // The same form, correctly signed, is accepted.
    expect((await postWebhook(t, form)).statusCode).toBe(200);
    expect(await countMessages(a.accountId)).toBe(before + 1);
  });

  it('refuses a webhook when no auth token is configured', async () => {
    const token = t.deps.config.twilioAuthToken;
    t.deps.config.twilioAuthToken = undefined;
    try {
      expectProblem(await postWebhook(t, twilioForm({ from: fakePhone(), to: ours, body: 'hi' })), 403);
    } finally {
      t.deps.config.twilioAuthToken = token;
    }
  });

  it('a STOP replayed 10 times changes nothing after the first: one message, one ledger row, one confirmation', async () => {
    const phone = fakePhone();
    const form = twilioForm({ from: phone, to: ours, body: 'STOP', sid: messageSid() });
    const first = await postWebhook(t, form);
    expect(first.statusCode).toBe(200);
    expect(first.body).toMatch(/<Response><Message>.*unsubscribed.*<\/Message><\/Response>$/);
    const snapshot = async () => ({
      messages: await t.deps.db
        .select()
        .from(messages)
        .where(and(eq(messages.accountId, a.accountId), eq(messages.toAddress, phone))),
      inbound: await t.deps.db
        .select()
        .from(messages)
        .where(and(eq(messages.accountId, a.accountId), eq(messages.fromAddress, phone))),
      ledger: await ledgerOf(phone),
    });
    const after1 = await snapshot();
    expect(after1.inbound).toHaveLength(1);
    expect(after1.messages).toHaveLength(1); // the confirmation
    expect(after1.messages[0]).toMatchObject({
      origin: 'system',
      status: 'submitted',
      direction: 'outbound',
    });
    expect(after1.ledger).toHaveLength(1);
    const replies = await Promise.all(Array.from({ length: 10 }, () => postWebhook(t, form)));
    for (const r of replies) {
      expect(r.statusCode).toBe(200);
      expect(r.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    }
    expect(await snapshot()).toEqual(after1);
  });

  it('HELP answers the account’s help text as TwiML; a second STOP sends no second confirmation', async () => {
    await t.deps.db
      .insert(messagingSettings)
      .values({ accountId: a.accountId, helpText: 'Acme Insurance: call 555-0100. Reply STOP to opt out.' });
    const phone = fakePhone();
    const help = await postWebhook(t, twilioForm({ from: phone, to: ours, body: ' help ' }));
    expect(help.body).toContain('<Message>Acme Insurance: call 555-0100. Reply STOP to opt out.</Message>');
    const stop1 = await postWebhook(t, twilioForm({ from: phone, to: ours, body: 'Stop' }));
    expect(stop1.body).toContain('<Message>');
    const stop2 = await postWebhook(t, twilioForm({ from: phone, to: ours, body: 'STOP.' }));
    expect(stop2.body).not.toContain('<Message>');
    expect((await ledgerOf(phone)).map((r) => r.action)).toEqual(['opt_out', 'opt_out']);
  });

  it('a text to a number no account has is answered empty and stored nowhere', async () => {
    const before = await countMessages(a.accountId);
    const res = await postWebhook(t, twilioForm({ from: fakePhone(), to: '+15559990000', body: 'hi' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<Response/>');
    expect(await countMessages(a.accountId)).toBe(before);
  });

  it('bad input is a 4xx problem+json, never a 5xx', async () => {
    const ok = twilioForm({ from: fakePhone(), to: ours, body: 'hi' });
    const { MessageSid: _sid, ...noSid } = ok;
    expectProblem(await postWebhook(t, noSid), 400);
    expectProblem(await postWebhook(t, { ...ok, MessageSid: 'not-a-sid' }), 400);
    expectProblem(await postWebhook(t, { ...ok, Body: 'x'.repeat(1601) }), 400);
    expectProblem(await postWebhook(t, { ...ok, Body: 'nul\u0000here' }), 400);
    expectProblem(await postWebhook(t, { ...ok, Body: 'y'.repeat(70_000) }), 413);
    for (const payload of ['%%%', 'a=%E0%A4%A', '&&&=', 'From[]=1&To[][]=2', '\u0000']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/webhooks/twilio/sms',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'abc' },
        payload,
      });
      expect(res.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, payload).toBeLessThan(500);
    }
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/webhooks/twilio/sms',
      headers: { 'content-type': 'application/json', 'x-twilio-signature': 'abc' },
      payload: '{"From":',
    });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
  });

  it('publishes a live event on commit for the text (and its answer), none for a replay', async () => {
    const events: {
      kind: string;
      direction: string;
      messageId: string;
      records: unknown[];
      accountId: string;
    }[] = [];
    const db = t.deps.database;
    let stop: () => Promise<void>;
    if (db.pglite) {
      stop = await db.pglite.listen('openams_live', (payload) => events.push(JSON.parse(payload)));
    } else {
      const c = new pg.Client({ connectionString: db.connectionString });
      await c.connect();
      await c.query('listen openams_live');
      c.on('notification', (n) => events.push(JSON.parse(n.payload!)));
      stop = () => c.end();
    }
    try {
      const phone = fakePhone();
      const lead = await a.admin.post('/api/v1/sales-records', {
        firstName: 'Liv',
        lastName: 'Event',
        phone,
      });
      const form = twilioForm({ from: phone, to: ours, body: 'STOP', sid: messageSid() });
      await postWebhook(t, form);
      await until(async () => events.length >= 2, 5000);
      await postWebhook(t, form); // replay
      await postWebhook(t, twilioForm({ from: phone, to: ours, body: 'hello again' }));
      await until(async () => events.length >= 3, 5000);
      await new Promise((r) => setTimeout(r, 200));
      const record = [{ type: 'sales_record', id: lead.json().id }];
      expect(events.map((e) => [e.accountId, e.kind, e.direction, e.records])).toEqual([
        [a.accountId, 'created', 'inbound', record],
        [a.accountId, 'created', 'outbound', record],
        [a.accountId, 'created', 'inbound', record],
      ]);
      const [stopText] = await t.deps.db
        .select({ id: messages.id })
        .from(messages)
        .where(eq(messages.providerMessageId, form.MessageSid!));
      expect(events[0]!.messageId).toBe(stopText!.id);
    } finally {
      await stop();
    }
  });
});
