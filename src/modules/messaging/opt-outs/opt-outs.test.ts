import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../../test/support/app.ts';
import { addAccountNumber, fakePhone } from '../../../../test/support/messaging-in.ts';
import { salesGroup, signedInUser } from '../../../../test/support/users.ts';
import { messages, optOutLedger } from '../schema.ts';
import { isOptedOut } from './consent-state.ts';

let t: TestApp;
let a: TestAccount;
let ours: string;
let second: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  ours = fakePhone();
  second = fakePhone();
  await addAccountNumber(t, a.accountId, ours);
  await addAccountNumber(t, a.accountId, second, 'Second');
});
afterAll(() => t.close());

async function text(from: string, body: string, to = ours) {
  const res = await a.admin.post('/api/v1/simulator/messages', { from, to, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    messageId: string;
    classification: string;
    reply: { messageId: string; body: string } | null;
  };
}
const ledgerOf = (phone: string) =>
  t.deps.db
    .select()
    .from(optOutLedger)
    .where(and(eq(optOutLedger.accountId, a.accountId), eq(optOutLedger.phone, phone)))
    .orderBy(asc(optOutLedger.at), asc(optOutLedger.id));
const optedOut = (phone: string, accountNumber = ours) =>
  isOptedOut(t.deps.db, { accountId: a.accountId, phone, accountNumber });

describe('opt-out keywords', () => {
  const OUT = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
  const spellings = (w: string) => [
    w,
    w.toLowerCase(),
    `  ${w[0]}${w.slice(1).toLowerCase()}!  `,
    `${w}.`,
    `"${w}"`,
  ];

  it.each(OUT)(
    '%s in any case, with spaces and punctuation, opts out at once with one confirmation',
    async (word) => {
      for (const spelled of spellings(word)) {
        const phone = fakePhone();
        const r = await text(phone, spelled);
        expect(r.classification, spelled).toBe('opt_out');
        expect(r.reply?.body, spelled).toMatch(/unsubscribed/);
        const [row, ...rest] = await ledgerOf(phone);
        expect(rest).toEqual([]);
        expect(row).toMatchObject({
          action: 'opt_out',
          source: 'keyword',
          keyword: word,
          messageId: r.messageId,
          body: spelled,
          accountNumber: word === 'STOPALL' ? '*' : ours,
        });
        expect(await optedOut(phone)).toBe(true);
        // STOPALL covers every number of the account; STOP only the one texted.
        expect(await optedOut(phone, second)).toBe(word === 'STOPALL');
        // The confirmation is a stored system text, shown on the fake phone.
        const got = await a.admin.get(`/api/v1/simulator/phones/${encodeURIComponent(phone)}/messages`);
        expect(got.json().items.map((m: { direction: string }) => m.direction)).toEqual([
          'outbound',
          'inbound',
        ]);
      }
    },
  );

  it.each(['START', 'YES', 'UNSTOP'])('%s opts back in (no reply)', async (word) => {
    const phone = fakePhone();
    await text(phone, 'stop');
    const r = await text(phone, ` ${word.toLowerCase()} `);
    expect(r.classification).toBe('opt_in');
    expect(r.reply).toBeNull();
    expect((await ledgerOf(phone)).map((x) => x.action)).toEqual(['opt_out', 'opt_in']);
    expect(await optedOut(phone)).toBe(false);
  });

  it('START to one number after STOPALL opts back in to that number only', async () => {
    const phone = fakePhone();
    await text(phone, 'STOPALL');
    await text(phone, 'start', second);
    expect(await optedOut(phone, second)).toBe(false);
    expect(await optedOut(phone, ours)).toBe(true);
  });

  it.each(['HELP', 'help', ' Info? '])('%s answers the help text, no ledger row', async (word) => {
    const phone = fakePhone();
    const r = await text(phone, word);
    expect(r.classification).toBe('help');
    expect(r.reply?.body).toMatch(/Reply STOP to opt out/);
    expect(await ledgerOf(phone)).toEqual([]);
  });

  it('exactly one confirmation: a second STOP is recorded but not answered', async () => {
    const phone = fakePhone();
    expect((await text(phone, 'STOP')).reply).not.toBeNull();
    expect((await text(phone, 'stop')).reply).toBeNull();
    const sent = await t.deps.db
      .select()
      .from(messages)
      .where(and(eq(messages.accountId, a.accountId), eq(messages.toAddress, phone)));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ origin: 'system', status: 'submitted', direction: 'outbound' });
  });
});

describe('likely revocations', () => {
  it.each(['please stop texting me', 'Stop texting me!!', 'remove me from your list', 'no more messages'])(
    '“%s” is flagged for a user, not applied',
    async (body) => {
      const phone = fakePhone();
      const r = await text(phone, body);
      expect(r.classification).toBe('likely_revocation');
      expect(r.reply).toBeNull();
      const [m] = await t.deps.db.select().from(messages).where(eq(messages.id, r.messageId));
      expect(m!.revocation).toBe('flagged');
      expect((await ledgerOf(phone)).map((x) => [x.action, x.source, x.messageId])).toEqual([
        ['revocation_flagged', 'message', r.messageId],
      ]);
      expect(await optedOut(phone)).toBe(false);
    },
  );

  it('“Can you stop by tomorrow?” is not flagged', async () => {
    const r = await text(fakePhone(), 'Can you stop by tomorrow?');
    expect(r.classification).toBe('none');
  });

  it('confirm in one click: an opt-out from then on; twice is 409; dismiss leaves consent', async () => {
    const phone = fakePhone();
    const r = await text(phone, 'please stop texting me');
    const confirmed = await a.admin.post(`/api/v1/messages/${r.messageId}/confirm-revocation`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ id: r.messageId, revocation: 'confirmed' });
    expect(await optedOut(phone)).toBe(true);
    expect((await ledgerOf(phone)).map((x) => [x.action, x.userId])).toEqual([
      ['revocation_flagged', null],
      ['revocation_confirmed', a.adminId],
    ]);
    expect((await a.admin.post(`/api/v1/messages/${r.messageId}/confirm-revocation`)).statusCode).toBe(409);
    expect((await a.admin.post(`/api/v1/messages/${r.messageId}/dismiss-revocation`)).statusCode).toBe(409);

    const other = fakePhone();
    const r2 = await text(other, 'leave me alone');
    const dismissed = await a.admin.post(`/api/v1/messages/${r2.messageId}/dismiss-revocation`);
    expect(dismissed.json()).toMatchObject({ revocation: 'dismissed' });
    expect(await optedOut(other)).toBe(false);
    expect((await ledgerOf(other)).map((x) => x.action)).toEqual([
      'revocation_flagged',
      'revocation_dismissed',
    ]);
    // A text that was never flagged cannot be confirmed.
    const plain = await text(fakePhone(), 'ok thanks');
    expect((await a.admin.post(`/api/v1/messages/${plain.messageId}/confirm-revocation`)).statusCode).toBe(
      409,
    );
  });
});

describe('GET/POST /opt-outs', () => {
  it('lists the ledger newest first, by phone, with cursor pages; users record consent given by other means', async () => {
    const phone = fakePhone();
    await text(phone, 'STOP');
    const byCall = await a.admin.post('/api/v1/opt-outs', {
      phone: phone.replace('+1', ''),
      action: 'opt_in',
      note: 'Asked on the phone to get texts again',
    });
    expect(byCall.statusCode, byCall.body).toBe(201);
    expect(byCall.json()).toMatchObject({
      phone,
      accountNumber: '*',
      action: 'opt_in',
      source: 'user',
      userId: a.adminId,
    });
    const one = await a.admin.post('/api/v1/opt-outs', {
      phone,
      accountNumber: second,
      action: 'opt_out',
      note: 'Letter',
    });
    expect(one.json().accountNumber).toBe(second);
    expect(await optedOut(phone, second)).toBe(true);
    expect(await optedOut(phone, ours)).toBe(false);

    const p1 = await a.admin.get(`/api/v1/opt-outs?phone=${encodeURIComponent(phone)}&limit=2`);
    expect(p1.statusCode, p1.body).toBe(200);
    expect(p1.json().items.map((x: { action: string; source: string }) => `${x.action}/${x.source}`)).toEqual(
      ['opt_out/user', 'opt_in/user'],
    );
    const p2 = await a.admin.get(
      `/api/v1/opt-outs?phone=${encodeURIComponent(phone)}&limit=2&cursor=${p1.json().nextCursor}`,
    );
    expect(p2.json().items.map((x: { action: string }) => x.action)).toEqual(['opt_out']);
    expect(p2.json().nextCursor).toBeNull();
  });

  it('bad input lists every problem; another account’s number is refused', async () => {
    const bad = await a.admin.post('/api/v1/opt-outs', { phone: 'abc', action: 'maybe', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['action', 'note', 'phone']);
    const b = await t.newAccount();
    const theirs = fakePhone();
    await addAccountNumber(t, b.accountId, theirs);
    const res = await a.admin.post('/api/v1/opt-outs', {
      phone: fakePhone(),
      accountNumber: theirs,
      action: 'opt_out',
      note: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect((await a.admin.get('/api/v1/opt-outs?cursor=notacursor')).statusCode).toBe(400);
  });

  it('needs View Messages Tab (403 without it); another account sees none of this account’s ledger', async () => {
    const group = await salesGroup(a);
    const without = await signedInUser(t, a, { group });
    expect((await without.client.get('/api/v1/opt-outs')).statusCode).toBe(403);
    expect(
      (await without.client.post('/api/v1/opt-outs', { phone: fakePhone(), action: 'opt_out', note: 'x' }))
        .statusCode,
    ).toBe(403);
    const withTab = await signedInUser(t, a, {
      group,
      sales: { flags: { ...flags(), viewMessagesTab: true } },
    });
    expect((await withTab.client.get('/api/v1/opt-outs')).statusCode).toBe(200);
    const b = await t.newAccount();
    expect((await b.admin.get('/api/v1/opt-outs')).json().items).toEqual([]);
  });
});

const flags = () => ({
  downloadReports: false,
  viewMessagesTab: false,
  viewAllSms: false,
  viewMissedCalls: false,
  viewUnassignedRecordings: false,
});

describe('the ledger is append-only', () => {
  it('every earlier row is unchanged after STOP, START, flags, confirmations and user entries', async () => {
    const all = () =>
      t.deps.db
        .select()
        .from(optOutLedger)
        .where(eq(optOutLedger.accountId, a.accountId))
        .orderBy(asc(optOutLedger.id));
    const before = await all();
    expect(before.length).toBeGreaterThan(10);
    const phone = fakePhone();
    await text(phone, 'STOP');
    await text(phone, 'START');
    const flagged = await text(phone, 'stop texting me');
    await a.admin.post(`/api/v1/messages/${flagged.messageId}/confirm-revocation`);
    await a.admin.post('/api/v1/opt-outs', { phone, action: 'opt_in', note: 'x' });
    const after = await all();
    expect(after.length).toBe(before.length + 5);
    const byId = new Map(after.map((r) => [r.id, r]));
    for (const row of before) expect(byId.get(row.id)).toEqual(row);
  });

  it('no code in messaging updates or deletes a ledger row', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const files = fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const src = fs.readFileSync(path.join(root, f), 'utf8');
      expect(src, f).not.toMatch(/\.(update|delete)\(\s*optOutLedger\b/);
      expect(src, f).not.toMatch(/(update|delete\s+from)\s+"?opt_out_ledger/i);
    }
  });
});
