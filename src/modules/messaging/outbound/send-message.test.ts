import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../../test/support/app.ts';
import { salesGroup, signedInUser } from '../../../../test/support/users.ts';
import { newId } from '../../../lib/ids.ts';
import { messages, optOutLedger } from '../schema.ts';
import { setMessagingClock } from '../clock.ts';
import { advanceSimulator, drainAll } from './engine.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());
afterEach(() => setMessagingClock(null));

/** Tuesday 2026-12-08 15:00 UTC: 10:00 in New York, 09:00 in Chicago — inside every window. */
const OPEN = new Date('2026-12-08T15:00:00Z');
/** Wednesday 03:00 UTC: 22:00 in New York the evening before — outside the sender's window. */
const NIGHT = new Date('2026-12-09T03:00:00Z');
const at = (d: Date) => setMessagingClock(() => d);

type World = {
  a: TestAccount;
  number: { id: string; number: string };
  agentId: string;
  lead: string;
  individual: string;
};

let nextNumber = Math.floor(Math.random() * 9000);
async function world(opts: { number?: boolean } = {}): Promise<World> {
  const a = await t.newAccount();
  const agentId = (
    await a.admin.post('/api/v1/agents', { firstName: 'Ada', lastName: 'Agent', phone: '(312) 201-7788' })
  ).json().id;
  let number = { id: '', number: '' };
  if (opts.number !== false) {
    const r = await a.admin.post('/api/v1/phone-numbers', {
      number: `+1312202${String(nextNumber++).padStart(4, '0')}`,
      label: 'Main',
    });
    expect(r.statusCode, r.body).toBe(201);
    number = r.json();
  }
  const lead = (
    await a.admin.post('/api/v1/sales-records', {
      firstName: 'Lena',
      lastName: 'Lead',
      cellPhone: '(312) 201-3344',
      zip: '60601',
      state: 'IL',
      assignedAgentId: agentId,
    })
  ).json().id as string;
  const individual = (
    await a.admin.post('/api/v1/individuals', {
      firstName: 'Ivan',
      lastName: 'Client',
      cellPhone: '(312) 201-5566',
      zip: '60601',
      servicingAgentId: agentId,
    })
  ).json().id as string;
  return { a, number, agentId, lead, individual };
}

const sms = (
  to: { type: string; id: string },
  body = 'Hi {{firstName}}, this is {{agentName}}.',
  extra = {},
) => ({
  channel: 'sms',
  to,
  body,
  whenOutsideWindow: 'refuse',
  ...extra,
});

describe('phone numbers, settings, templates', () => {
  it('an admin adds, relabels and removes numbers; users read them; defaults per user', async () => {
    const { a, number } = await world();
    expect(number.number).toMatch(/^\+1312202\d{4}$/);
    expect(
      (await a.admin.post('/api/v1/phone-numbers', { number: number.number, label: 'Again' })).statusCode,
    ).toBe(409);
    const bad = await a.admin.post('/api/v1/phone-numbers', { number: '12', label: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('number');
    const group = await salesGroup(a);
    const u = await signedInUser(t, a, { group });
    expect((await u.client.get('/api/v1/phone-numbers')).json().items).toHaveLength(1);
    expect(
      (await u.client.post('/api/v1/phone-numbers', { number: '+13122010001', label: 'Mine' })).statusCode,
    ).toBe(403);
    expect((await u.client.patch(`/api/v1/phone-numbers/${number.id}`, { label: 'x' })).statusCode).toBe(403);
    const put = (c: typeof u.client, userId: string, phoneNumberId: string | null) =>
      c.request({
        method: 'PUT',
        url: `/api/v1/users/${userId}/default-phone-number`,
        payload: { phoneNumberId },
      });
    expect((await put(u.client, u.id, number.id)).statusCode).toBe(204);
    expect((await u.client.get('/api/v1/phone-numbers')).json().items[0].isMyDefault).toBe(true);
    expect((await put(u.client, a.adminId, number.id)).statusCode).toBe(403);
    expect((await put(a.admin, u.id, null)).statusCode).toBe(204);
    const relabel = await a.admin.patch(`/api/v1/phone-numbers/${number.id}`, { label: 'Front desk' });
    expect(relabel.json().label).toBe('Front desk');
    expect((await a.admin.delete(`/api/v1/phone-numbers/${number.id}`)).statusCode).toBe(204);
    expect((await a.admin.get('/api/v1/phone-numbers')).json().items).toHaveLength(0);
  });

  it('settings: defaults, admin-only changes, window sanity', async () => {
    const { a } = await world({ number: false });
    const s = (await a.admin.get('/api/v1/messaging/settings')).json();
    expect(s).toMatchObject({
      senderWindowStart: '08:00',
      senderWindowEnd: '19:00',
      perNumberPerSecond: 1,
      brandDailyCap: 2000,
    });
    const ok = await a.admin.patch('/api/v1/messaging/settings', {
      helpText: 'Call us',
      perNumberPerSecond: 5,
    });
    expect(ok.json()).toMatchObject({ helpText: 'Call us', perNumberPerSecond: 5 });
    expect(
      (await a.admin.patch('/api/v1/messaging/settings', { senderWindowStart: '20:00' })).statusCode,
    ).toBe(400);
    expect((await a.admin.patch('/api/v1/messaging/settings', { senderWindowStart: '8am' })).statusCode).toBe(
      400,
    );
    const u = await signedInUser(t, a, { group: await salesGroup(a) });
    expect((await u.client.get('/api/v1/messaging/settings')).statusCode).toBe(200);
    expect((await u.client.patch('/api/v1/messaging/settings', { helpText: 'x' })).statusCode).toBe(403);
  });

  it('templates: unknown merge fields refused; admin-only writes; merge field list', async () => {
    const { a } = await world({ number: false });
    const bad = await a.admin.post('/api/v1/message-templates', {
      name: 'Bad',
      channel: 'sms',
      body: 'Hi {{nickname}}',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].message).toContain('{{nickname}}');
    const ok = await a.admin.post('/api/v1/message-templates', {
      name: 'Hello',
      channel: 'sms',
      body: 'Hi {{firstName}}',
    });
    expect(ok.statusCode).toBe(201);
    expect(
      (await a.admin.post('/api/v1/message-templates', { name: 'Hello', channel: 'sms', body: 'x' }))
        .statusCode,
    ).toBe(409);
    const id = ok.json().id as string;
    expect(
      (await a.admin.patch(`/api/v1/message-templates/${id}`, { body: 'Hey {{firstName}}' })).json().body,
    ).toBe('Hey {{firstName}}');
    const u = await signedInUser(t, a, { group: await salesGroup(a) });
    expect((await u.client.get('/api/v1/message-templates')).json().items).toHaveLength(1);
    expect(
      (await u.client.post('/api/v1/message-templates', { name: 'Mine', channel: 'sms', body: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await u.client.delete(`/api/v1/message-templates/${id}`)).statusCode).toBe(403);
    const fields = (await u.client.get('/api/v1/message-templates/merge-fields')).json().items as {
      name: string;
    }[];
    expect(fields.map((f) => f.name)).toContain('agentPhone');
    expect((await a.admin.delete(`/api/v1/message-templates/${id}`)).statusCode).toBe(204);
  });
});

describe('POST /messages (sms)', () => {
  it('sends to a lead’s cell phone within the request (201), then the simulator delivers it', async () => {
    const w = await world();
    at(OPEN);
    const res = await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: w.lead }));
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      status: 'submitted',
      channel: 'sms',
      direction: 'outbound',
      from: w.number.number,
      to: '+13122013344',
      segments: 1,
      encoding: 'GSM-7',
      records: [{ type: 'sales_record', id: w.lead, name: 'Lena Lead' }],
      phoneNumber: { id: w.number.id },
    });
    expect(m.body).toMatch(/^Hi Lena, this is /);
    await advanceSimulator(t.deps);
    await advanceSimulator(t.deps);
    const got = (await w.a.admin.get(`/api/v1/messages/${m.id}`)).json();
    expect(got.deliveryStatus).toBe('delivered');
    expect(got.statusHistory.map((h: { status: string }) => h.status)).toEqual([
      'queued',
      'sent',
      'delivered',
    ]);
    const audit = (await w.a.admin.get(`/api/v1/audit-log?limit=200`)).json();
    expect(JSON.stringify(audit)).toContain('message.sent');
  });

  it('texts an Individual and an Agent; the fake phone flagged to fail gets undelivered', async () => {
    const w = await world();
    at(OPEN);
    const { setSimulatorFailNext } = await import('../providers/simulator.ts');
    await setSimulatorFailNext(t.deps.db, w.a.accountId, '+13122015566', 1);
    const ind = await w.a.admin.post('/api/v1/messages', sms({ type: 'individual', id: w.individual }));
    expect(ind.statusCode, ind.body).toBe(201);
    const ag = await w.a.admin.post(
      '/api/v1/messages',
      sms({ type: 'agent', id: w.agentId }, 'Hello {{fullName}}'),
    );
    // Same number, one text a second: the second waits for its slot.
    expect(ag.statusCode, ag.body).toBe(202);
    expect(ag.json()).toMatchObject({
      to: '+13122017788',
      body: 'Hello Ada Agent',
      sendAfter: '2026-12-08T15:00:01.000Z',
    });
    at(new Date(OPEN.getTime() + 1000));
    expect(await drainAll(t.deps)).toBe(1);
    await advanceSimulator(t.deps);
    await advanceSimulator(t.deps);
    const failed = (await w.a.admin.get(`/api/v1/messages/${ind.json().id}`)).json();
    expect(failed).toMatchObject({ deliveryStatus: 'undelivered', errorCode: '30003' });
    expect((await w.a.admin.get(`/api/v1/messages/${ag.json().id}`)).json().deliveryStatus).toBe('delivered');
  });

  it('bad input: unknown merge field, 1,601 characters, landline, invalid number, no email — 422, nothing stored', async () => {
    const w = await world();
    at(OPEN);
    const before = await t.deps.db.select().from(messages).where(eq(messages.accountId, w.a.accountId));
    const unknown = await w.a.admin.post(
      '/api/v1/messages',
      sms({ type: 'sales_record', id: w.lead }, 'Hi {{nickname}}'),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'unknown_merge_field' });
    expect(unknown.json().detail).toContain('{{nickname}}');
    const long = await w.a.admin.post(
      '/api/v1/messages',
      sms({ type: 'sales_record', id: w.lead }, 'x'.repeat(1601)),
    );
    expect(long.statusCode).toBe(422);
    expect(long.json().code).toBe('too_long');
    const exact = await w.a.admin.post(
      '/api/v1/messages/preview',
      sms({ type: 'sales_record', id: w.lead }, 'x'.repeat(1600)),
    );
    expect(exact.json().problems).toEqual([]);
    expect(exact.json().segments).toMatchObject({ encoding: 'GSM-7', segments: 11, characters: 1600 });
    const landline = (
      await w.a.admin.post('/api/v1/sales-records', {
        firstName: 'Lon',
        lastName: 'Don',
        phone: '+44 20 7946 0958',
        assignedAgentId: w.agentId,
      })
    ).json().id;
    const l = await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: landline }));
    expect(l.statusCode).toBe(422);
    expect(l.json().code).toBe('landline');
    // The API refuses to store such a number; an older record (or one written before validation
    // was strict) may still hold one: 555 is no US area code.
    const invalid = (
      await w.a.admin.post('/api/v1/sales-records', {
        firstName: 'In',
        lastName: 'Valid',
        cellPhone: '(312) 201-3344',
        assignedAgentId: w.agentId,
      })
    ).json().id;
    await t.deps.db.execute(sql`update sales_records set cell_phone = '+15552013344' where id = ${invalid}`);
    const i = await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: invalid }));
    expect(i.statusCode).toBe(422);
    expect(i.json().code).toBe('invalid_recipient_number');
    const noPhone = (
      await w.a.admin.post('/api/v1/sales-records', {
        firstName: 'No',
        lastName: 'Phone',
        assignedAgentId: w.agentId,
      })
    ).json().id;
    expect(
      (await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: noPhone }))).json().code,
    ).toBe('no_phone');
    const noEmail = await w.a.admin.post('/api/v1/messages', {
      ...sms({ type: 'sales_record', id: w.lead }),
      channel: 'email',
      subject: 'Hi',
    });
    expect(noEmail.statusCode).toBe(422);
    expect(noEmail.json().code).toBe('no_email');
    const unassigned = (
      await w.a.admin.post('/api/v1/sales-records', {
        firstName: 'Un',
        lastName: 'Assigned',
        cellPhone: '(312) 201-9900',
      })
    ).json().id;
    expect(
      (await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: unassigned }))).json().code,
    ).toBe('no_assignee');
    const schema = await w.a.admin.post('/api/v1/messages', {
      channel: 'fax',
      to: { type: 'x', id: 'y' },
      body: 1,
    });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().errors.length).toBeGreaterThanOrEqual(3);
    const after = await t.deps.db.select().from(messages).where(eq(messages.accountId, w.a.accountId));
    expect(after).toHaveLength(before.length);
  });

  it('no account number → 409 no_phone_number saying what to do', async () => {
    const w = await world({ number: false });
    at(OPEN);
    const r = await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: w.lead }));
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('no_phone_number');
    expect(r.json().detail).toContain('Settings');
  });

  it('opted out → 409 opted_out naming the ledger entry; the engine refuses a text queued before STOP', async () => {
    const w = await world();
    at(NIGHT);
    const queued = await w.a.admin.post(
      '/api/v1/messages',
      sms({ type: 'sales_record', id: w.lead }, 'Later', { whenOutsideWindow: 'queue' }),
    );
    expect(queued.statusCode, queued.body).toBe(202);
    const entry = newId();
    await t.deps.db.insert(optOutLedger).values({
      accountId: w.a.accountId,
      id: entry,
      phone: '+13122013344',
      accountNumber: w.number.number,
      action: 'opt_out',
      source: 'keyword',
      keyword: 'STOP',
    });
    at(OPEN);
    const r = await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: w.lead }));
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'opted_out', optOut: { id: entry } });
    expect(r.json().detail).toContain(entry);
    // A system send (a workflow) is refused the same way.
    const { sendMessage } = await import('./send-message.ts');
    const system = {
      kind: 'system' as const,
      accountId: w.a.accountId,
      accountPackage: 'scale' as const,
      ctx: {},
    };
    await expect(
      sendMessage(t.deps, {
        actor: system,
        origin: 'workflow',
        input: { ...sms({ type: 'sales_record', id: w.lead }), whenOutsideWindow: 'refuse' } as never,
      }),
    ).rejects.toMatchObject({ extensions: { code: 'opted_out' } });
    at(new Date('2026-12-09T15:00:00Z'));
    await drainAll(t.deps);
    const [row] = await t.deps.db
      .select()
      .from(messages)
      .where(and(eq(messages.accountId, w.a.accountId), eq(messages.id, queued.json().id)));
    expect(row).toMatchObject({ status: 'refused', errorCode: 'opted_out' });
  });

  it('outside the window: refuse → 409 with nextAllowedAt; queue → 202 pending, sent when it opens; cancel', async () => {
    const w = await world();
    at(NIGHT);
    const refused = await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: w.lead }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'outside_window',
      nextAllowedAt: '2026-12-09T14:00:00.000Z',
    });
    const q = await w.a.admin.post(
      '/api/v1/messages',
      sms({ type: 'sales_record', id: w.lead }, 'Queued', { whenOutsideWindow: 'queue' }),
    );
    expect(q.statusCode).toBe(202);
    expect(q.json()).toMatchObject({ status: 'pending', sendAfter: '2026-12-09T14:00:00.000Z' });
    const c = await w.a.admin.post(
      '/api/v1/messages',
      sms({ type: 'sales_record', id: w.lead }, 'Cancel me', { whenOutsideWindow: 'queue' }),
    );
    expect((await w.a.admin.post(`/api/v1/messages/${c.json().id}/cancel`)).json().status).toBe('canceled');
    expect((await w.a.admin.post(`/api/v1/messages/${c.json().id}/cancel`)).statusCode).toBe(409);
    expect(await drainAll(t.deps)).toBe(0);
    at(new Date('2026-12-09T14:00:01Z'));
    await drainAll(t.deps);
    const got = (await w.a.admin.get(`/api/v1/messages/${q.json().id}`)).json();
    expect(got.status).toBe('submitted');
    const preview = await w.a.admin.post('/api/v1/messages/preview', {
      channel: 'sms',
      to: { type: 'sales_record', id: w.lead },
      body: 'x',
    });
    expect(preview.json().window.allowed).toBe(true);
  });

  it('pacing: texts beyond the per-number pace wait, and the queue shows when each goes', async () => {
    const w = await world();
    at(OPEN);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await w.a.admin.post(
        '/api/v1/messages',
        sms({ type: 'sales_record', id: w.lead }, `Paced ${i}`),
      );
      ids.push(r.json().id);
      expect(r.statusCode).toBe(i === 0 ? 201 : 202);
      if (i > 0)
        expect(new Date(r.json().sendAfter).getTime()).toBeGreaterThanOrEqual(OPEN.getTime() + 1000 * i);
    }
    expect(await drainAll(t.deps)).toBe(0);
    at(new Date(OPEN.getTime() + 1000));
    expect(await drainAll(t.deps)).toBe(1);
    at(new Date(OPEN.getTime() + 2000));
    expect(await drainAll(t.deps)).toBe(1);
  });
});

describe('brand daily cap', () => {
  it('texts past the brand’s daily cap wait for the next UTC day', async () => {
    const w = await world();
    at(OPEN);
    await w.a.admin.patch('/api/v1/messaging/settings', { perNumberPerSecond: 100, brandDailyCap: 1 });
    expect(
      (await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: w.lead }, 'one'))).statusCode,
    ).toBe(201);
    const second = await w.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: w.lead }, 'two'));
    expect(second.statusCode).toBe(202);
    at(new Date(OPEN.getTime() + 1000));
    expect(await drainAll(t.deps)).toBe(0);
    const got = (await w.a.admin.get(`/api/v1/messages/${second.json().id}`)).json();
    expect(got).toMatchObject({ status: 'pending', sendAfter: '2026-12-09T00:00:00.000Z' });
  });
});

describe('access', () => {
  it('sms.send.* rows: allowed with the row, forbidden without it; another account’s records are 404', async () => {
    const w = await world();
    at(OPEN);
    const other = await world();
    for (const to of [
      { type: 'sales_record', id: other.lead },
      { type: 'individual', id: other.individual },
      { type: 'agent', id: other.agentId },
    ]) {
      expect((await w.a.admin.post('/api/v1/messages', sms(to))).statusCode).toBe(404);
      expect((await w.a.admin.post('/api/v1/messages/preview', sms(to))).statusCode).toBe(404);
    }
    const sent = (
      await other.a.admin.post('/api/v1/messages', sms({ type: 'sales_record', id: other.lead }))
    ).json().id;
    expect((await w.a.admin.get(`/api/v1/messages/${sent}`)).statusCode).toBe(404);
    expect((await w.a.admin.post(`/api/v1/messages/${sent}/cancel`)).statusCode).toBe(404);
    expect(
      (await w.a.admin.patch(`/api/v1/phone-numbers/${other.number.id}`, { label: 'x' })).statusCode,
    ).toBe(404);
    expect((await w.a.admin.delete(`/api/v1/phone-numbers/${other.number.id}`)).statusCode).toBe(404);
    const tpl = (
      await other.a.admin.post('/api/v1/message-templates', { name: 'T', channel: 'sms', body: 'x' })
    ).json().id;
    expect((await w.a.admin.patch(`/api/v1/message-templates/${tpl}`, { body: 'y' })).statusCode).toBe(404);
    expect((await w.a.admin.delete(`/api/v1/message-templates/${tpl}`)).statusCode).toBe(404);
    expect(
      (
        await w.a.admin.request({
          method: 'PUT',
          url: `/api/v1/users/${other.a.adminId}/default-phone-number`,
          payload: { phoneNumberId: null },
        })
      ).statusCode,
    ).toBe(404);

    // Sales Enablement + Individuals + Agents: all three rows allowed.
    const all = await signedInUser(t, w.a, {
      group: await salesGroup(w.a, { extra: { agent: { visible: true, edit: false } } }),
      sales: {
        recordTypeAccess: Object.fromEntries(
          (await w.a.admin.get('/api/v1/record-types'))
            .json()
            .items.map((rt: { id: string }) => [
              rt.id,
              { view: true, add: false, edit: false, delete: false },
            ]),
        ),
      },
    });
    for (const to of [
      { type: 'sales_record', id: w.lead },
      { type: 'individual', id: w.individual },
      { type: 'agent', id: w.agentId },
    ]) {
      const r = await all.client.post('/api/v1/messages', sms(to, `ok ${to.type}`));
      expect([201, 202], `${to.type}: ${r.body}`).toContain(r.statusCode);
    }
    // No Sales Enablement: no row is allowed.
    const noSe = await signedInUser(t, w.a, {
      group: await salesGroup(w.a, {
        extra: { salesEnablement: { visible: false }, agent: { visible: true, edit: false } },
      }),
    });
    for (const to of [
      { type: 'sales_record', id: w.lead },
      { type: 'individual', id: w.individual },
      { type: 'agent', id: w.agentId },
    ])
      expect((await noSe.client.post('/api/v1/messages', sms(to))).statusCode, to.type).toBe(403);
    // Individuals not visible: sms.send.individual denied. Agents not visible: sms.send.agent denied.
    const noInd = await signedInUser(t, w.a, {
      group: await salesGroup(w.a, { extra: { individual: { visible: false, edit: false } } }),
    });
    expect(
      (await noInd.client.post('/api/v1/messages', sms({ type: 'individual', id: w.individual }))).statusCode,
    ).toBe(403);
    expect(
      (await noInd.client.post('/api/v1/messages', sms({ type: 'agent', id: w.agentId }))).statusCode,
    ).toBe(403);
    // No Record Type Access (view) on the lead's type: sms.send.sales_record denied.
    const noRt = await signedInUser(t, w.a, {
      group: await salesGroup(w.a),
      sales: { recordTypeAccess: {} },
    });
    expect([403, 404]).toContain(
      (await noRt.client.post('/api/v1/messages', sms({ type: 'sales_record', id: w.lead }))).statusCode,
    );
    const stored = await t.deps.db
      .select()
      .from(messages)
      .where(and(eq(messages.accountId, w.a.accountId), eq(messages.userId, noSe.id)));
    expect(stored).toHaveLength(0);
    // Someone else's message: 404 to a user without history rights on its record.
    const adminMsg = (
      await w.a.admin.post('/api/v1/messages', sms({ type: 'individual', id: w.individual }, 'admin'))
    ).json().id;
    expect((await noInd.client.get(`/api/v1/messages/${adminMsg}`)).statusCode).toBe(404);
    expect((await all.client.get(`/api/v1/messages/${adminMsg}`)).statusCode).toBe(200);
  });
});
