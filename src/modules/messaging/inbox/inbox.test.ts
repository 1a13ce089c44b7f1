import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestAccount, type TestApp } from '../../../../test/support/app.ts';
import { addAccountNumber, fakePhone } from '../../../../test/support/messaging-in.ts';
import { salesGroup, signedInUser } from '../../../../test/support/users.ts';
import type { SalesPermissions } from '../../access/index.ts';
import { NO_PERMISSIONS } from '../../users/index.ts';
import { newId } from '../../../lib/ids.ts';
import { simulatorPhones } from '../providers/schema.ts';
import { messageRecords, messages } from '../schema.ts';

let t: TestApp;
let a: TestAccount;
let ours: string;
let leadType: string;
const phones = { p1: '', p2: '', p3: '', p4: '', p5: '' };
const ids = { lead1: '', lead2: '', ind: '', agent: '' };
const msg: Record<string, string> = {};
let uTab: { id: string; client: Client };
let uNoTab: { id: string; client: Client };
let uAll: { id: string; client: Client };

const FLAGS_OFF = {
  downloadReports: false,
  viewMessagesTab: false,
  viewAllSms: false,
  viewMissedCalls: false,
  viewUnassignedRecordings: false,
};
const sales = (
  over: Partial<SalesPermissions> & { tab?: boolean; all?: boolean } = {},
): Partial<SalesPermissions> => ({
  recordTypeAccess: { [leadType]: { view: true, add: true, edit: true } },
  flags: { ...FLAGS_OFF, viewMessagesTab: over.tab ?? false, viewAllSms: over.all ?? false },
  ...(over.recordAccess ? { recordAccess: over.recordAccess } : {}),
});

async function text(from: string, body: string) {
  const res = await a.admin.post('/api/v1/simulator/messages', { from, to: ours, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().messageId as string;
}
const idsOf = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((m) => m.id);

beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  ours = fakePhone();
  await addAccountNumber(t, a.accountId, ours, 'Front desk');
  for (const k of Object.keys(phones) as (keyof typeof phones)[]) phones[k] = fakePhone();
  leadType = (await a.admin.get('/api/v1/record-types')).json().items[0].id;
  const group = await salesGroup(a); // SE, Individuals; no Agents
  uTab = await signedInUser(t, a, { group, sales: sales({ tab: true, recordAccess: 'assigned' }) });
  uNoTab = await signedInUser(t, a, { group, sales: sales() });
  uAll = await signedInUser(t, a, {
    group,
    sales: sales({ tab: true, all: true, recordAccess: 'assigned' }),
  });
  const mk = async (url: string, body: object) => {
    const res = await a.admin.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  ids.lead1 = await mk('/api/v1/sales-records', {
    firstName: 'Lena',
    lastName: 'One',
    phone: phones.p1,
    recordTypeId: leadType,
    assignedUserId: uTab.id,
  });
  ids.lead2 = await mk('/api/v1/sales-records', {
    firstName: 'Leo',
    lastName: 'Two',
    cellPhone: phones.p2,
    recordTypeId: leadType,
  });
  ids.ind = await mk('/api/v1/individuals', { firstName: 'Ida', lastName: 'Three', cellPhone: phones.p3 });
  ids.agent = await mk('/api/v1/agents', { firstName: 'Abe', lastName: 'Four', phone: phones.p4 });
  msg.m1 = await text(phones.p1, 'hello from one');
  msg.m2a = await text(phones.p2, 'first from two');
  msg.m2b = await text(phones.p2, 'please stop texting me');
  msg.m3 = await text(phones.p3, 'hi from three');
  msg.m4 = await text(phones.p4, 'agent here');
  msg.m5a = await text(phones.p5, 'who is this');
  msg.m5b = await text(phones.p5, 'hello?');
});
afterAll(() => t.close());

describe('record timelines', () => {
  it('a Sales Record’s messages, newest first, in the contract’s shape, with cursor pages', async () => {
    const one = await a.admin.get(`/api/v1/sales-records/${ids.lead1}/messages`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().items).toHaveLength(1);
    expect(one.json().items[0]).toMatchObject({
      id: msg.m1,
      channel: 'sms',
      direction: 'inbound',
      status: 'received',
      from: phones.p1,
      to: ours,
      body: 'hello from one',
      segments: 1,
      encoding: 'GSM-7',
      user: null,
      records: [{ type: 'sales_record', id: ids.lead1, name: 'Lena One' }],
      phoneNumber: { number: ours, label: 'Front desk' },
      readAt: null,
      revocation: null,
      attachments: [],
    });
    const p1 = await a.admin.get(`/api/v1/sales-records/${ids.lead2}/messages?limit=1`);
    expect(idsOf(p1)).toEqual([msg.m2b]);
    expect(p1.json().items[0].revocation).toBe('flagged');
    const p2 = await a.admin.get(
      `/api/v1/sales-records/${ids.lead2}/messages?limit=1&cursor=${p1.json().nextCursor}`,
    );
    expect(idsOf(p2)).toEqual([msg.m2a]);
    expect(p2.json().nextCursor).toBeNull();
  });

  it('Individuals and Agents have their timelines too', async () => {
    expect(idsOf(await a.admin.get(`/api/v1/individuals/${ids.ind}/messages`))).toEqual([msg.m3]);
    const ag = await a.admin.get(`/api/v1/agents/${ids.agent}/messages`);
    expect(idsOf(ag)).toEqual([msg.m4]);
    expect(ag.json().items[0].records).toEqual([{ type: 'agent', id: ids.agent, name: 'Abe Four' }]);
  });

  it('sms.history.sales_record: Sales Enablement and Record Type view; out of scope is 404', async () => {
    const noSe = await a.admin.post('/api/v1/security-groups', {
      name: 'No SE',
      permissions: {
        ...NO_PERMISSIONS,
        individual: { visible: true, edit: false },
        agent: { visible: true, edit: false },
      },
    });
    const u = await signedInUser(t, a, { group: noSe.json().id, sales: sales() });
    expect((await u.client.get(`/api/v1/sales-records/${ids.lead1}/messages`)).statusCode).toBe(403);
    expect((await u.client.get(`/api/v1/individuals/${ids.ind}/messages`)).statusCode).toBe(403);
    expect((await u.client.get(`/api/v1/agents/${ids.agent}/messages`)).statusCode).toBe(403);
    const noType = await signedInUser(t, a, { group: await salesGroup(a), sales: { recordTypeAccess: {} } });
    expect((await noType.client.get(`/api/v1/sales-records/${ids.lead1}/messages`)).statusCode).toBe(403);
    // Record Access "assigned": their record yes, another one is not found.
    expect((await uTab.client.get(`/api/v1/sales-records/${ids.lead1}/messages`)).statusCode).toBe(200);
    expect((await uTab.client.get(`/api/v1/sales-records/${ids.lead2}/messages`)).statusCode).toBe(404);
  });

  it('sms.history.individual and sms.history.agent follow the security group', async () => {
    const noInd = await signedInUser(t, a, {
      group: (
        await a.admin.post('/api/v1/security-groups', {
          name: 'SE only',
          permissions: { ...NO_PERMISSIONS, salesEnablement: { visible: true } },
        })
      ).json().id,
      sales: sales(),
    });
    expect((await noInd.client.get(`/api/v1/individuals/${ids.ind}/messages`)).statusCode).toBe(403);
    expect((await noInd.client.get(`/api/v1/agents/${ids.agent}/messages`)).statusCode).toBe(403);
    expect((await uTab.client.get(`/api/v1/individuals/${ids.ind}/messages`)).statusCode).toBe(200);
    const withAgents = await signedInUser(t, a, {
      group: await salesGroup(a, { extra: { agent: { visible: true, edit: false } } }),
      sales: sales(),
    });
    expect(idsOf(await withAgents.client.get(`/api/v1/agents/${ids.agent}/messages`))).toEqual([msg.m4]);
  });

  it('another account’s record, or no record, is 404; bad ids and cursors are 400', async () => {
    const b = await t.newAccount();
    for (const path of [`sales-records/${ids.lead1}`, `individuals/${ids.ind}`, `agents/${ids.agent}`])
      expect((await b.admin.get(`/api/v1/${path}/messages`)).statusCode, path).toBe(404);
    expect(
      (await a.admin.get('/api/v1/sales-records/0190a000-0000-7000-8000-000000000000/messages')).statusCode,
    ).toBe(404);
    expect((await a.admin.get('/api/v1/sales-records/nope/messages')).statusCode).toBe(400);
    expect((await a.admin.get(`/api/v1/sales-records/${ids.lead1}/messages?cursor=xyz`)).statusCode).toBe(
      400,
    );
    expect((await a.admin.get(`/api/v1/sales-records/${ids.lead1}/messages?limit=5000`)).statusCode).toBe(
      400,
    );
  });
});

describe('the inbox', () => {
  it('needs View Messages Tab', async () => {
    for (const r of [
      await uNoTab.client.get('/api/v1/messages'),
      await uNoTab.client.get('/api/v1/messages/unread-count'),
      await uNoTab.client.post('/api/v1/messages/read-all'),
    ]) {
      expect(r.statusCode).toBe(403);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('without View All SMS: only the texts of records the user may see (and those they sent)', async () => {
    const mine = await uTab.client.get('/api/v1/messages');
    expect(mine.statusCode, mine.body).toBe(200);
    // lead1 is assigned to them; Individuals are visible to their group; Agents are not.
    expect(idsOf(mine).sort()).toEqual([msg.m1, msg.m3].sort());
    expect(idsOf(await uTab.client.get('/api/v1/messages?box=unmatched'))).toEqual([]);
    expect(idsOf(await uTab.client.get('/api/v1/messages?box=flagged'))).toEqual([]);
    // A message they cannot see answers 404 on every action.
    expect((await uTab.client.post(`/api/v1/messages/${msg.m2a}/read`)).statusCode).toBe(404);
    expect((await uTab.client.post(`/api/v1/messages/${msg.m2b}/confirm-revocation`)).statusCode).toBe(404);
    expect(
      (await uTab.client.post(`/api/v1/messages/${msg.m5a}/create-lead`, { firstName: 'X', lastName: 'Y' }))
        .statusCode,
    ).toBe(404);
  });

  it('View All SMS (and admins) see every text; boxes and filters', async () => {
    for (const c of [uAll.client, a.admin]) {
      const all = await c.get('/api/v1/messages?limit=200');
      expect(idsOf(all)).toEqual(expect.arrayContaining(Object.values(msg)));
      expect(idsOf(await c.get('/api/v1/messages?box=unmatched'))).toEqual([msg.m5b, msg.m5a]);
      expect(idsOf(await c.get('/api/v1/messages?box=flagged'))).toEqual([msg.m2b]);
    }
    expect(idsOf(await a.admin.get('/api/v1/messages?q=WHO%20is'))).toEqual([msg.m5a]);
    expect(idsOf(await a.admin.get(`/api/v1/messages?q=${encodeURIComponent(phones.p4)}`))).toEqual([msg.m4]);
    expect(idsOf(await a.admin.get('/api/v1/messages?q=%25'))).toEqual([]);
    expect(idsOf(await a.admin.get('/api/v1/messages?direction=outbound&channel=sms'))).toEqual([]);
    expect(idsOf(await a.admin.get('/api/v1/messages?channel=email'))).toEqual([]);
    const bad = await a.admin.get('/api/v1/messages?box=spam&direction=up');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveLength(2);
  });

  it('unread counts, read and read-all', async () => {
    const count = async (c: Client) => (await c.get('/api/v1/messages/unread-count')).json().count as number;
    expect(await count(a.admin)).toBe(7);
    expect(await count(uTab.client)).toBe(2);
    expect((await uTab.client.post(`/api/v1/messages/${msg.m1}/read`)).statusCode).toBe(204);
    expect((await uTab.client.post(`/api/v1/messages/${msg.m1}/read`)).statusCode).toBe(204);
    expect(await count(a.admin)).toBe(6);
    expect(await count(uTab.client)).toBe(1);
    expect(idsOf(await uTab.client.get('/api/v1/messages?box=unread'))).toEqual([msg.m3]);
    const read = (await a.admin.get(`/api/v1/sales-records/${ids.lead1}/messages`)).json().items[0];
    expect(read.readAt).not.toBeNull();
    const all = await uTab.client.post('/api/v1/messages/read-all');
    expect(all.json()).toEqual({ count: 1 });
    expect(await count(uTab.client)).toBe(0);
    expect(await count(a.admin)).toBe(5);
  });

  it('another account’s message is 404 everywhere', async () => {
    const b = await t.newAccount();
    expect(idsOf(await b.admin.get('/api/v1/messages'))).toEqual([]);
    expect((await b.admin.get('/api/v1/messages/unread-count')).json()).toEqual({ count: 0 });
    expect((await b.admin.post(`/api/v1/messages/${msg.m2a}/read`)).statusCode).toBe(404);
    expect((await b.admin.post(`/api/v1/messages/${msg.m2b}/confirm-revocation`)).statusCode).toBe(404);
    expect((await b.admin.post(`/api/v1/messages/${msg.m2b}/dismiss-revocation`)).statusCode).toBe(404);
    expect(
      (await b.admin.post(`/api/v1/messages/${msg.m5a}/create-lead`, { firstName: 'X', lastName: 'Y' }))
        .statusCode,
    ).toBe(404);
    expect((await b.admin.post('/api/v1/messages/read-all')).json()).toEqual({ count: 0 });
  });
});

describe('create a lead from an unknown sender', () => {
  it('makes a Sales Record with the number and links every text from it; twice is 409', async () => {
    const bad = await a.admin.post(`/api/v1/messages/${msg.m5a}/create-lead`, {
      firstName: '',
      lastName: 'x'.repeat(101),
    });
    expect(bad.statusCode).toBe(400);
    const res = await a.admin.post(`/api/v1/messages/${msg.m5a}/create-lead`, {
      firstName: 'Nora',
      lastName: 'New',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { salesRecordId } = res.json();
    expect(res.json().linkedMessages).toBe(2);
    const rec = await a.admin.get(`/api/v1/sales-records/${salesRecordId}`);
    expect(rec.json()).toMatchObject({ firstName: 'Nora', lastName: 'New', phone: phones.p5 });
    expect(idsOf(await a.admin.get(`/api/v1/sales-records/${salesRecordId}/messages`))).toEqual([
      msg.m5b,
      msg.m5a,
    ]);
    expect(idsOf(await a.admin.get('/api/v1/messages?box=unmatched'))).toEqual([]);
    expect(
      (await a.admin.post(`/api/v1/messages/${msg.m5b}/create-lead`, { firstName: 'A', lastName: 'B' }))
        .statusCode,
    ).toBe(409);
    // The next text from that number matches the new lead at once.
    const next = await text(phones.p5, 'thanks');
    expect(idsOf(await a.admin.get(`/api/v1/sales-records/${salesRecordId}/messages`))[0]).toBe(next);
  });

  it('needs the sales-records create permission (no Add on the type: 403, nothing linked)', async () => {
    const stranger = fakePhone();
    const m = await text(stranger, 'hello there');
    const viewer = await signedInUser(t, a, {
      group: await salesGroup(a),
      sales: { ...sales({ tab: true, all: true }), recordTypeAccess: { [leadType]: { view: true } } },
    });
    const res = await viewer.client.post(`/api/v1/messages/${m}/create-lead`, {
      firstName: 'No',
      lastName: 'Add',
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(idsOf(await a.admin.get('/api/v1/messages?box=unmatched'))).toContain(m);
  });
});

describe('the simulator’s beneficiary side', () => {
  it('answers 404 when the simulator is not the provider', async () => {
    t.deps.config.messagingProvider = 'twilio';
    try {
      const phone = encodeURIComponent(phones.p1);
      for (const r of [
        await a.admin.post('/api/v1/simulator/messages', { from: phones.p1, to: ours, body: 'hi' }),
        await a.admin.get(`/api/v1/simulator/phones/${phone}/messages`),
        await a.admin.post(`/api/v1/simulator/phones/${phone}/fail-next`, { count: 1 }),
      ])
        expect(r.statusCode).toBe(404);
    } finally {
      t.deps.config.messagingProvider = 'simulator';
    }
  });

  it('any signed-in user of the account may use it, only toward the account’s own numbers', async () => {
    const r = await uNoTab.client.post('/api/v1/simulator/messages', {
      from: fakePhone(),
      to: ours,
      body: 'from a tester',
    });
    expect(r.statusCode, r.body).toBe(201);
    const b = await t.newAccount();
    expect(
      (await b.admin.post('/api/v1/simulator/messages', { from: fakePhone(), to: ours, body: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.anonymous.post('/api/v1/simulator/messages', { from: fakePhone(), to: ours, body: 'x' }))
        .statusCode,
    ).toBe(401);
    const bad = await a.admin.post('/api/v1/simulator/messages', {
      from: 'abc',
      to: ours,
      body: 'x'.repeat(1601),
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(3);
  });

  it('a fake phone’s texts in both directions; fail-next is stored for the phone', async () => {
    const phone = fakePhone();
    await text(phone, 'HELP');
    const got = await a.admin.get(`/api/v1/simulator/phones/${encodeURIComponent(phone)}/messages`);
    expect(got.json().items.map((m: { direction: string; from: string }) => [m.direction, m.from])).toEqual([
      ['outbound', ours],
      ['inbound', phone],
    ]);
    const fail = await a.admin.post(`/api/v1/simulator/phones/${encodeURIComponent(phone)}/fail-next`, {
      count: 2,
    });
    expect(fail.json()).toEqual({ phone, failNext: 2 });
    const [row] = await t.deps.db.select().from(simulatorPhones).where(eq(simulatorPhones.phone, phone));
    expect(row).toMatchObject({ accountId: a.accountId, failNext: 2 });
    expect(
      (await a.admin.post(`/api/v1/simulator/phones/${encodeURIComponent(phone)}/fail-next`, { count: -1 }))
        .statusCode,
    ).toBe(400);
  });
});

describe('the simulator’s phone paths', () => {
  it('accept any spelling of a number and refuse what is not one (400)', async () => {
    const phone = fakePhone();
    await text(phone, 'hi');
    const national = phone.slice(2); // 10 digits, no +1
    const got = await a.admin.get(`/api/v1/simulator/phones/${national}/messages`);
    expect(got.json().items).toHaveLength(1);
    const bad = await a.admin.get('/api/v1/simulator/phones/not-a-phone/messages');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'params.phone', message: 'Must be a valid phone number.' }]);
    const res = await a.admin.post(`/api/v1/simulator/phones/${national}/fail-next`, { count: 1 });
    expect(res.json()).toEqual({ phone, failNext: 1 });
    expect((await a.admin.post('/api/v1/simulator/phones/12/fail-next', { count: 1 })).statusCode).toBe(400);
  });
});

describe('emails and sent texts on the timeline', () => {
  it('an email a user sent shows on the record’s timeline with their name; the sender sees it in the inbox', async () => {
    // sms-out's send use case is not on this branch: the row it would write, written directly.
    const id = newId();
    await t.deps.db.insert(messages).values({
      accountId: a.accountId,
      id,
      channel: 'email',
      direction: 'outbound',
      origin: 'user',
      status: 'submitted',
      fromAddress: 'sam@agency.example',
      toAddress: 'leo@example.net',
      subject: 'Your quote',
      body: 'Attached.',
      userId: uTab.id,
    });
    await t.deps.db
      .insert(messageRecords)
      .values({ accountId: a.accountId, messageId: id, recordType: 'sales_record', recordId: ids.lead2 });
    const timeline = await a.admin.get(`/api/v1/sales-records/${ids.lead2}/messages`);
    expect(timeline.json().items[0]).toMatchObject({
      id,
      channel: 'email',
      subject: 'Your quote',
      user: { id: uTab.id, name: 'Sam Seller' },
      records: [{ type: 'sales_record', id: ids.lead2, name: 'Leo Two' }],
    });
    // uTab cannot see Leo Two's record, but sent this email: it is in their inbox, without the record.
    const inbox = await uTab.client.get('/api/v1/messages?channel=email');
    expect(inbox.json().items.map((m: { id: string; records: unknown[] }) => [m.id, m.records])).toEqual([
      [id, []],
    ]);
  });
});
