import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  type TestAccount,
  type TestApp,
  unique,
} from '../../../test/support/app.ts';
import { fakePhone } from '../../../test/support/messaging-in.ts';
import { mailText, startSmtpServer } from '../../../test/support/smtp.ts';
import { DEFAULT_SALES_PERMISSIONS } from '../access/index.ts';
import { setMessagingClock } from '../messaging/index.ts';
import { NO_PERMISSIONS } from '../users/index.ts';
import { formDocuments, formRequests } from './schema.ts';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let a: TestAccount;
let lead: { id: string; statuses: { id: string; isClosedWon: boolean }[] };
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ smtpUrl: smtp.url, workers: true });
  a = await t.newAccount({ name: 'Sunrise Benefits' });
  [lead] = (await a.admin.get('/api/v1/record-types')).json().items;
  await activate(a);
  await completeProfile(a.admin);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function activate(acc: TestAccount) {
  for (const family of ['soa', 'aca']) {
    const res = await acc.admin.patch(`/api/v1/form-settings/${family}`, { active: true });
    expect(res.statusCode, res.body).toBe(200);
  }
}
async function completeProfile(c: Client) {
  const res = await c.patch('/api/v1/me/sales-profile', {
    phone: '+13125550123',
    npn: '1234567',
    signature: { kind: 'typed', text: 'Agent Signature' },
    salesRepIds: [{ value: 'REP-77', isDefault: true }],
  });
  expect(res.statusCode, res.body).toBe(200);
}
async function salesRecord(c: Client, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/sales-records', {
    firstName: 'Rosa',
    lastName: unique('Benef'),
    email: `${unique('rosa')}@example.net`,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; email: string; lastName: string };
}
async function individual(c: Client, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/individuals', {
    firstName: 'Iris',
    lastName: unique('Ind'),
    email: `${unique('iris')}@example.net`,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; email: string };
}
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const soaBody = (record: { type: string; id: string }, over: Record<string, unknown> = {}) => ({
  kind: 'soa',
  record,
  channel: 'email',
  plans: ['part_d', 'medicare_advantage'],
  appointmentAt: inDays(5),
  language: 'en',
  firstContactMethod: 'agent_call',
  ...over,
});
/** Send, then read the link's token from the email the SMTP server received. */
async function sendAndToken(c: Client, body: Record<string, unknown>, to: string) {
  const res = await c.post('/api/v1/forms', body);
  expect(res.statusCode, res.body).toBe(201);
  const mail = await waitMail(to);
  const token = /\/forms\/([A-Za-z0-9_-]{40,})/.exec(mailText(mail.raw))![1]!;
  return { form: res.json(), token };
}
async function waitMail(to: string) {
  const end = Date.now() + 15_000;
  for (;;) {
    const hit = smtp.mails.find((m) => m.to.includes(to));
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
let ipCounter = 1;
/** Sign from a phone; each call from its own address (the public routes are rate limited per IP). */
const sign = (token: string, body: Record<string, unknown> = {}) =>
  t.anonymous.request({
    method: 'POST',
    url: `/api/public/v1/forms/${token}/sign`,
    remoteAddress: `203.0.113.${ipCounter++ % 250}`,
    headers: { 'user-agent': 'Mozilla/5.0 (iPhone) TestPhone' },
    payload: {
      consentToElectronicRecords: true,
      plans: ['part_d'],
      signature: { kind: 'drawn', dataUrl: PNG },
      ...body,
    },
  });

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forms-pdf-'));
  const file = path.join(dir, 'f.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('settings', () => {
  it('start inactive with the five SOA plan types; sending is refused until activated', async () => {
    const b = await t.newAccount();
    const s = (await b.admin.get('/api/v1/form-settings/soa')).json();
    expect(s).toMatchObject({ active: false, retentionYears: 10, keepFortyEightHourPolicy: true });
    expect(s.plansOffered).toHaveLength(5);
    await completeProfile(b.admin);
    const r = await salesRecord(b.admin);
    const res = await b.admin.post('/api/v1/forms', soaBody({ type: 'sales_record', id: r.id }));
    expect(res.statusCode).toBe(409);
    expect(await countForms(b.accountId)).toBe(0);
  });

  it('retention only lengthens; templates need {{link}}; every problem listed', async () => {
    const b = await t.newAccount();
    expect(
      (await b.admin.patch('/api/v1/form-settings/aca', { retentionYears: 12 })).json().retentionYears,
    ).toBe(12);
    const res = await b.admin.patch('/api/v1/form-settings/aca', {
      retentionYears: 11,
      templates: { en: { subject: 'x', body: 'no link' }, es: { subject: 'y', body: '{{link}}' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['templates.en.body']);
    const shorter = await b.admin.patch('/api/v1/form-settings/aca', { retentionYears: 11 });
    expect(shorter.statusCode).toBe(400);
    expect(shorter.json().errors[0].path).toBe('retentionYears');
    expect((await b.admin.get('/api/v1/form-settings/aca')).json().retentionYears).toBe(12);
    const nine = await b.admin.patch('/api/v1/form-settings/soa', { retentionYears: 9 });
    expect(nine.statusCode).toBe(400);
  });
});

async function countForms(accountId: string) {
  const rows = await t.deps.db
    .select({ id: formRequests.id })
    .from(formRequests)
    .where(eq(formRequests.accountId, accountId));
  return rows.length;
}

describe('sender prerequisites', () => {
  it('SOA: 422 naming phone, signature and sales rep ID with a link to the profile; ACA: phone and NPN', async () => {
    const b = await t.newAccount();
    await activate(b);
    const r = await salesRecord(b.admin);
    const soa = await b.admin.post('/api/v1/forms', soaBody({ type: 'sales_record', id: r.id }));
    expect(soa.statusCode).toBe(422);
    expect(soa.headers['content-type']).toMatch(/problem\+json/);
    expect(soa.json().missing).toEqual(['profile.phone', 'profile.signature', 'profile.salesRepId']);
    expect(soa.json().errors[0].message).toContain('/profile');
    const aca = await b.admin.post('/api/v1/forms', {
      kind: 'aca_consent',
      record: { type: 'sales_record', id: r.id },
      channel: 'email',
      language: 'es',
    });
    expect(aca.statusCode).toBe(422);
    expect(aca.json().missing).toEqual(['profile.phone', 'profile.npn']);
    expect(await countForms(b.accountId)).toBe(0);
  });
});

describe('send, sign, PDF, verify', () => {
  it('an SOA goes by email over SMTP; the beneficiary opens and signs; the PDF holds the signer, plans and hash; /verify knows it', async () => {
    const r = await salesRecord(a.admin, { firstName: 'José' });
    const { form, token } = await sendAndToken(a.admin, soaBody({ type: 'sales_record', id: r.id }), r.email);
    expect(form).toMatchObject({
      status: 'requested',
      kind: 'soa',
      sentTo: r.email,
      plans: ['part_d', 'medicare_advantage'],
    });
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32); // ≥ 128 random bits + account id
    const [row] = await t.deps.db.select().from(formRequests).where(eq(formRequests.id, form.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeCloseTo(24 * 3600 * 1000, -4);

    expect(mailText((await waitMail(r.email)).raw)).toContain(`/forms/${token}?lang=en`);
    const open = await t.anonymous.get(`/api/public/v1/forms/${token}`);
    expect(open.statusCode, open.body).toBe(200);
    const pub = open.json();
    expect(pub).toMatchObject({
      kind: 'soa',
      agent: { phone: '+13125550123', salesRepId: 'REP-77', agencyName: 'Sunrise Benefits' },
    });
    expect(pub.texts.es.title).toMatch(/alcance/i);
    expect(JSON.stringify(pub)).not.toContain(r.email);

    const signed = await sign(token, {
      plans: ['part_d', 'medicare_supplement'],
      authorizedRepresentative: { name: 'Ana Núñez', relationship: 'Daughter' },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const { sha256 } = signed.json();

    const got = (await a.admin.get(`/api/v1/forms/${form.id}`)).json();
    expect(got.status).toBe('completed');
    expect(got.versions).toHaveLength(1);
    expect(got.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['created', 'sent', 'opened', 'consented', 'signed']),
    );
    const signedEvent = got.events.find((e: { type: string }) => e.type === 'signed');
    expect(signedEvent.userAgent).toContain('TestPhone');

    const pdf = await a.admin.get(`/api/v1/forms/${form.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    if (hasPdftotext) {
      const text = pdfText(bytes);
      expect(text).toContain('Ana Núñez');
      expect(text).toContain('Daughter');
      expect(text).toContain('Stand-alone Medicare Prescription Drug Plans (Part D)');
      expect(text).toContain('Medicare Supplement (Medigap) Products');
      expect(text).toContain('TestPhone');
      expect(text).toContain('REP-77');
      expect(text).toMatch(/SHA-256 of the form pages:\s*\n\s*[0-9a-f]{64}/);
    } else console.warn('pdftotext missing: install poppler-utils to check the PDF text');

    const ok = await t.anonymous.post('/api/public/v1/form-verifications', { sha256 });
    expect(ok.json()).toMatchObject({
      issued: true,
      agencyName: 'Sunrise Benefits',
      kind: 'soa',
      version: 1,
      latestVersion: true,
    });
    expect(JSON.stringify(ok.json())).not.toMatch(/Rosa|José|Núñez/);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 20] = tampered[tampered.length - 20]! ^ 1;
    const bad = await t.anonymous.post('/api/public/v1/form-verifications', {
      sha256: createHash('sha256').update(tampered).digest('hex'),
    });
    expect(bad.json()).toEqual({ issued: false });

    // Reused link: signed once only; the page says so.
    const again = await sign(token);
    expect(again.statusCode).toBe(409);
    expect((await t.anonymous.get(`/api/public/v1/forms/${token}`)).statusCode).toBe(409);
    expect((await a.admin.get(`/api/v1/forms/${form.id}`)).json().versions).toHaveLength(1);
  });

  it('expired, forged and unknown links: 410 / 404 problem+json, nothing changes', async () => {
    const r = await salesRecord(a.admin);
    const { form, token } = await sendAndToken(a.admin, soaBody({ type: 'sales_record', id: r.id }), r.email);
    await t.deps.db
      .update(formRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(formRequests.accountId, a.accountId), eq(formRequests.id, form.id)));
    const exp = await t.anonymous.get(`/api/public/v1/forms/${token}`);
    expect(exp.statusCode).toBe(410);
    expect(exp.json().detail).toMatch(/expired.*venció/);
    expect((await sign(token)).statusCode).toBe(410);
    expect((await a.admin.get(`/api/v1/forms/${form.id}`)).json().status).toBe('expired');
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const f = await t.anonymous.get(`/api/public/v1/forms/${forged}`);
    expect(f.statusCode).toBe(404);
    expect(f.headers['content-type']).toMatch(/problem\+json/);
    expect((await t.anonymous.get('/api/public/v1/forms/not-a-token')).statusCode).toBe(404);
  });

  it('bad signatures: not a PNG, megabytes large, no E-SIGN consent — clear errors, the form still open', async () => {
    const r = await salesRecord(a.admin);
    const { form, token } = await sendAndToken(a.admin, soaBody({ type: 'sales_record', id: r.id }), r.email);
    const jpeg = await sign(token, {
      signature: { kind: 'drawn', dataUrl: 'data:image/jpeg;base64,/9j/4AAQ' },
    });
    expect(jpeg.statusCode).toBe(400);
    const fakePng = await sign(token, {
      signature: {
        kind: 'drawn',
        dataUrl: `data:image/png;base64,${Buffer.from('GIF89a not png').toString('base64')}`,
      },
    });
    expect(fakePng.statusCode).toBe(400);
    expect(fakePng.json().errors[0].path).toBe('signature.dataUrl');
    const huge = await sign(token, {
      signature: { kind: 'drawn', dataUrl: `data:image/png;base64,${'A'.repeat(3 * 1024 * 1024)}` },
    });
    expect([400, 413]).toContain(huge.statusCode);
    const noConsent = await sign(token, { consentToElectronicRecords: false });
    expect(noConsent.statusCode).toBe(400);
    const noPlans = await sign(token, { plans: [] });
    expect(noPlans.statusCode).toBe(400);
    expect((await a.admin.get(`/api/v1/forms/${form.id}`)).json().status).toBe('requested');
    const ok = await sign(token, { signature: { kind: 'typed', text: 'Rosa B' } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('by text: refused by the messaging layer (no account number), the form is withdrawn with the reason', async () => {
    const r = await salesRecord(a.admin, {
      cellPhone: '312-201-4545',
      state: 'IL',
      zip: '60601',
      assignedUserId: a.adminId,
    });
    const res = await a.admin.post(
      '/api/v1/forms',
      soaBody({ type: 'sales_record', id: r.id }, { channel: 'sms' }),
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('no_phone_number');
    const [row] = await t.deps.db
      .select({ status: formRequests.status })
      .from(formRequests)
      .where(and(eq(formRequests.accountId, a.accountId), eq(formRequests.salesRecordId, r.id)));
    expect(row?.status).toBe('deleted');
    const texts = await a.admin.get(`/api/v1/sales-records/${r.id}/messages`);
    expect(texts.json().items).toEqual([]);
  });

  it('by text: the link goes through the messaging layer, once, inside the texting window', async () => {
    const number = fakePhone();
    const added = await a.admin.post('/api/v1/phone-numbers', { number, label: 'Forms line' });
    expect(added.statusCode, added.body).toBe(201);
    // A Tuesday at 11:00 in Chicago: inside the sender's and the recipient's windows.
    setMessagingClock(() => new Date('2026-12-08T17:00:00Z'));
    try {
      const r = await salesRecord(a.admin, {
        cellPhone: '312-201-4546',
        state: 'IL',
        zip: '60601',
        assignedUserId: a.adminId,
      });
      const res = await a.admin.post(
        '/api/v1/forms',
        soaBody({ type: 'sales_record', id: r.id }, { channel: 'sms' }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const texts = (await a.admin.get(`/api/v1/sales-records/${r.id}/messages`)).json().items as {
        channel: string;
        body: string;
        to: string;
      }[];
      expect(texts).toHaveLength(1);
      expect(texts[0]!.channel).toBe('sms');
      expect(texts[0]!.to).toBe('+13122014546');
      expect(texts[0]!.body).toMatch(/\/forms\/[A-Za-z0-9_-]+/);
      expect((await a.admin.get(`/api/v1/forms/${res.json().id}`)).json().status).toBe('requested');
    } finally {
      setMessagingClock(null);
    }
  });

  it('ACA consent and attestation from an Individual, in Spanish', async () => {
    const i = await individual(a.admin);
    for (const kind of ['aca_consent', 'aca_attestation'] as const) {
      smtp.mails.length = 0;
      const { form, token } = await sendAndToken(
        a.admin,
        { kind, record: { type: 'individual', id: i.id }, channel: 'email', language: 'es' },
        i.email,
      );
      const pub = (await t.anonymous.get(`/api/public/v1/forms/${token}`)).json();
      expect(pub.agent).toMatchObject({ npn: '1234567', salesRepId: null });
      expect(pub.texts.es.body.join(' ')).toMatch(kind === 'aca_consent' ? /revocarlo/ : /declaraciones/);
      const withPlans = await sign(token, { plans: ['part_d'] });
      expect(withPlans.statusCode).toBe(400);
      const res = await sign(token, { plans: undefined, signature: { kind: 'typed', text: 'Iris' } });
      expect(res.statusCode, res.body).toBe(200);
      if (hasPdftotext) {
        const text = pdfText((await a.admin.get(`/api/v1/forms/${form.id}/pdf`)).rawPayload);
        expect(text).toContain(
          kind === 'aca_consent' ? 'Consentimiento para contactar' : 'Declaración de revisión',
        );
        expect(text).toContain('NPN: 1234567');
      }
    }
  });
});

describe('after signing: edits (sender only), versions, deletes, retention', () => {
  it('the sender edits plans, completion date and exception reason → new versions, old ones kept; 48-hour rule enforced', async () => {
    const r = await salesRecord(a.admin);
    const appt = new Date(Date.now() + 3600_000).toISOString(); // one hour after signing → under 48 h
    const { form, token } = await sendAndToken(
      a.admin,
      soaBody({ type: 'sales_record', id: r.id }, { appointmentAt: appt }),
      r.email,
    );
    expect((await sign(token)).statusCode).toBe(200);
    const got = (await a.admin.get(`/api/v1/forms/${form.id}`)).json();
    expect(got.timing).toMatchObject({ status: 'exception_required', covered: false });

    const noReason = await a.admin.patch(`/api/v1/forms/${form.id}`, { appointmentCompletedAt: appt });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].path).toBe('exceptionReason');
    const ok = await a.admin.patch(`/api/v1/forms/${form.id}`, {
      appointmentCompletedAt: appt,
      exceptionReason: 'beneficiary_call',
      plans: ['part_d', 'dental_vision_hearing'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().timing).toMatchObject({ status: 'covered_by_exception', covered: true });
    expect(ok.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await a.admin.get(`/api/v1/forms/${form.id}/pdf?version=1`);
    const v2 = await a.admin.get(`/api/v1/forms/${form.id}/pdf`);
    expect(v1.statusCode).toBe(200);
    expect(v1.rawPayload.equals(v2.rawPayload)).toBe(false);
    if (hasPdftotext) {
      const text = pdfText(v2.rawPayload);
      expect(text).toContain('Beneficiary-initiated call');
      expect(text).toContain('Dental/Vision/Hearing');
      expect(text).toMatch(/EDITED/);
    }
    const old = (
      await t.anonymous.post('/api/public/v1/form-verifications', { sha256: ok.json().versions[1].sha256 })
    ).json();
    expect(old).toMatchObject({ issued: true, version: 1, latestVersion: false });

    // Another user with every permission is not the sender: 403, nothing changes.
    const other = await user(a, {});
    const res = await other.client.patch(`/api/v1/forms/${form.id}`, { plans: ['part_d'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().missing).toEqual(['senderOnly']);
    expect((await other.client.get(`/api/v1/forms/${form.id}`)).statusCode).toBe(200);
    // A signed form is never deleted inside retention.
    const del = await a.admin.delete(`/api/v1/forms/${form.id}`);
    expect(del.statusCode).toBe(409);
    expect((await a.admin.get(`/api/v1/forms/${form.id}`)).json().versions).toHaveLength(2);
  });

  it('a still-requested form is deleted by its sender only; its link then stops working', async () => {
    const r = await salesRecord(a.admin);
    const { form, token } = await sendAndToken(a.admin, soaBody({ type: 'sales_record', id: r.id }), r.email);
    const other = await user(a, {});
    expect((await other.client.delete(`/api/v1/forms/${form.id}`)).statusCode).toBe(403);
    expect((await a.admin.delete(`/api/v1/forms/${form.id}`)).statusCode).toBe(204);
    expect((await a.admin.get(`/api/v1/forms/${form.id}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/public/v1/forms/${token}`)).statusCode).toBe(404);
    const edit = await a.admin.patch(`/api/v1/forms/${form.id}`, { plans: ['part_d'] });
    expect(edit.statusCode).toBe(404);
  });

  it('forms on a Sales Record are carried to the Individual on conversion', async () => {
    const r = await salesRecord(a.admin);
    const { form, token } = await sendAndToken(a.admin, soaBody({ type: 'sales_record', id: r.id }), r.email);
    expect((await sign(token)).statusCode).toBe(200);
    const won = lead.statuses.find((s) => s.isClosedWon)!.id;
    expect((await a.admin.patch(`/api/v1/sales-records/${r.id}`, { statusId: won })).statusCode).toBe(200);
    const conv = await a.admin.post(`/api/v1/sales-records/${r.id}/convert`);
    expect(conv.statusCode, conv.body).toBe(200);
    const list = (await a.admin.get(`/api/v1/forms?individualId=${conv.json().individualId}`)).json();
    expect(list.items.map((f: { id: string }) => f.id)).toContain(form.id);
    expect((await a.admin.get(`/api/v1/forms/${form.id}`)).json().record).toEqual({
      type: 'individual',
      id: conv.json().individualId,
    });
    // The sender still edits it (now under soa.edit.individual).
    const edit = await a.admin.patch(`/api/v1/forms/${form.id}`, { plans: ['medicare_advantage'] });
    expect(edit.statusCode, edit.body).toBe(200);
  });
});

async function user(
  acc: TestAccount,
  opts: {
    permissions?: Record<string, unknown>;
    sales?: Record<string, unknown>;
    userType?: string;
    accessible?: string[];
  },
) {
  const group = await acc.admin.post('/api/v1/security-groups', {
    name: unique('G '),
    permissions: {
      ...NO_PERMISSIONS,
      salesEnablement: { visible: true },
      individual: { visible: true, edit: true },
      administrative: { manageUsers: true },
      ...opts.permissions,
    },
  });
  expect(group.statusCode, group.body).toBe(201);
  const [lt] = (await acc.admin.get('/api/v1/record-types')).json().items;
  const username = unique('u');
  const res = await acc.admin.post('/api/v1/users', {
    firstName: 'Una',
    lastName: 'User',
    email: `${username}@example.test`,
    username,
    securityGroupId: group.json().id,
    userType: opts.userType ?? 'agency_user',
    linkedAgentIds: [],
    accessibleAgentIds: opts.accessible ?? [],
    salesPermissions: {
      ...DEFAULT_SALES_PERMISSIONS,
      recordTypeAccess: { [lt.id]: { view: true, add: true, edit: true } },
      ...opts.sales,
    },
    sendLoginInfo: false,
  });
  expect(res.statusCode, res.body).toBe(201);
  const client = await t.login(username, res.json().temporaryPassword);
  await client.post('/api/v1/me/password', {
    currentPassword: res.json().temporaryPassword,
    newPassword: 'correct-horse-battery',
  });
  return { id: res.json().user.id as string, client };
}

describe('permissions: every soa.* and aca.* row', () => {
  it('settings.manage needs an Agency User with Sales Enablement and Manage Users', async () => {
    const noAdmin = await user(a, { permissions: { administrative: { manageUsers: false } } });
    const agentId = (await a.admin.post('/api/v1/agents', { firstName: 'Down', lastName: 'Line' })).json().id;
    const crm = await user(a, { userType: 'agent_crm_user', accessible: [agentId] });
    for (const fam of ['soa', 'aca']) {
      const r1 = await noAdmin.client.patch(`/api/v1/form-settings/${fam}`, { active: true });
      expect(r1.statusCode).toBe(403);
      expect(r1.json().missing).toContain('securityGroup.administrative.manageUsers');
      const r2 = await crm.client.patch(`/api/v1/form-settings/${fam}`, { active: true });
      expect(r2.statusCode).toBe(403);
      expect(r2.json().missing).toContain('userType:agency_user');
      expect((await noAdmin.client.get(`/api/v1/form-settings/${fam}`)).statusCode).toBe(200);
    }
  });

  it('profile.edit rows: own phone, signature, sales rep ID (soa) and NPN (aca) need Sales Enablement', async () => {
    const noSe = await user(a, { permissions: { salesEnablement: { visible: false } } });
    expect((await noSe.client.patch('/api/v1/me/sales-profile', { npn: '42' })).statusCode).toBe(403);
    expect(
      (await noSe.client.patch('/api/v1/me/sales-profile', { signature: { kind: 'typed', text: 'x' } }))
        .statusCode,
    ).toBe(403);
    const se = await user(a, {});
    expect((await se.client.patch('/api/v1/me/sales-profile', { npn: '42' })).statusCode).toBe(200);
  });

  it('send/view on Individuals need Individual visible+edit (send) or visible (view); on Sales Records RT view+edit / view', async () => {
    const i = await individual(a.admin);
    const r = await salesRecord(a.admin);
    const { form: indForm } = await sendAndToken(
      a.admin,
      { kind: 'aca_consent', record: { type: 'individual', id: i.id }, channel: 'email', language: 'en' },
      i.email,
    );
    const { form: srForm } = await sendAndToken(
      a.admin,
      soaBody({ type: 'sales_record', id: r.id }),
      r.email,
    );
    const [lt] = (await a.admin.get('/api/v1/record-types')).json().items;

    const viewOnlyInd = await user(a, { permissions: { individual: { visible: true, edit: false } } });
    await completeProfile(viewOnlyInd.client);
    for (const kind of ['soa', 'aca_consent'] as const) {
      const res = await viewOnlyInd.client.post('/api/v1/forms', {
        ...soaBody({ type: 'individual', id: i.id }),
        kind,
        ...(kind === 'soa' ? {} : { plans: undefined, appointmentAt: undefined }),
      });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().missing).toContain('securityGroup.individual.edit');
    }
    expect((await viewOnlyInd.client.get(`/api/v1/forms/${indForm.id}`)).statusCode).toBe(200);
    expect((await viewOnlyInd.client.get(`/api/v1/forms?individualId=${i.id}`)).json().items).toHaveLength(1);

    const rtView = await user(a, { sales: { recordTypeAccess: { [lt.id]: { view: true } } } });
    await completeProfile(rtView.client);
    const sendSr = await rtView.client.post('/api/v1/forms', soaBody({ type: 'sales_record', id: r.id }));
    expect(sendSr.statusCode).toBe(403);
    expect(sendSr.json().missing).toContain('salesPermissions.recordTypeAccess.edit');
    expect((await rtView.client.get(`/api/v1/forms/${srForm.id}`)).statusCode).toBe(200);
    // Not the sender, and no RT edit: delete refused for both reasons.
    const del = await rtView.client.delete(`/api/v1/forms/${srForm.id}`);
    expect(del.statusCode).toBe(403);
    expect(del.json().missing).toEqual(
      expect.arrayContaining(['salesPermissions.recordTypeAccess.edit', 'senderOnly']),
    );

    const noSe = await user(a, { permissions: { salesEnablement: { visible: false } } });
    const r1 = await noSe.client.get(`/api/v1/forms/${indForm.id}`);
    expect(r1.statusCode).toBe(403);
    expect(r1.json().missing).toContain('securityGroup.salesEnablement.visible');
  });

  it('a user whose Record Access is "assigned" does not see forms of records not assigned to them (404)', async () => {
    const r = await salesRecord(a.admin);
    const { form } = await sendAndToken(a.admin, soaBody({ type: 'sales_record', id: r.id }), r.email);
    const scoped = await user(a, { sales: { recordAccess: 'assigned' } });
    expect((await scoped.client.get(`/api/v1/forms/${form.id}`)).statusCode).toBe(404);
    expect((await scoped.client.get(`/api/v1/forms?salesRecordId=${r.id}`)).statusCode).toBe(404);
  });
});

describe('tenancy and bad input', () => {
  it('another account’s form, record and PDF are 404', async () => {
    const r = await salesRecord(a.admin);
    const { form } = await sendAndToken(a.admin, soaBody({ type: 'sales_record', id: r.id }), r.email);
    const b = await t.newAccount();
    await activate(b);
    await completeProfile(b.admin);
    expect((await b.admin.get(`/api/v1/forms/${form.id}`)).statusCode).toBe(404);
    expect((await b.admin.get(`/api/v1/forms/${form.id}/pdf`)).statusCode).toBe(404);
    expect((await b.admin.patch(`/api/v1/forms/${form.id}`, { plans: ['part_d'] })).statusCode).toBe(404);
    expect((await b.admin.delete(`/api/v1/forms/${form.id}`)).statusCode).toBe(404);
    expect((await b.admin.get(`/api/v1/forms?salesRecordId=${r.id}`)).statusCode).toBe(404);
    const send = await b.admin.post('/api/v1/forms', soaBody({ type: 'sales_record', id: r.id }));
    expect(send.statusCode).toBe(404);
  });

  it('bad input lists every problem as problem+json', async () => {
    const res = await a.admin.post('/api/v1/forms', {
      kind: 'w2',
      record: { type: 'policy', id: 'x' },
      channel: 'fax',
      language: 'fr',
      plans: ['nope'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    for (const p of ['kind', 'record.type', 'record.id', 'channel', 'language']) expect(paths).toContain(p);
    const r = await salesRecord(a.admin, { email: null });
    const noEmail = await a.admin.post(
      '/api/v1/forms',
      soaBody({ type: 'sales_record', id: r.id }, { plans: [], appointmentAt: null }),
    );
    expect(noEmail.statusCode).toBe(422);
    expect(
      noEmail
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['appointmentAt', 'channel', 'plans']);
    expect((await a.admin.get('/api/v1/forms')).statusCode).toBe(400);
    expect((await a.admin.post('/api/public/v1/form-verifications', { sha256: 'xyz' })).statusCode).toBe(400);
  });
});

describe('storage', () => {
  it('each version is stored once with its hash', async () => {
    const docs = await t.deps.db.select().from(formDocuments).where(eq(formDocuments.accountId, a.accountId));
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('uploading the signed PDF to Files and removing it there keeps the form’s copy (same stored bytes)', async () => {
    const r = await salesRecord(a.admin);
    const { form, token } = await sendAndToken(a.admin, soaBody({ type: 'sales_record', id: r.id }), r.email);
    expect((await sign(token)).statusCode).toBe(200);
    const pdf = (await a.admin.get(`/api/v1/forms/${form.id}/pdf`)).rawPayload;
    const boundary = '----forms-test';
    const up = await a.admin.request({
      method: 'POST',
      url: `/api/v1/sales-records/${r.id}/files`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="soa.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(up.statusCode, up.body).toBe(201);
    expect((await a.admin.delete(`/api/v1/files/${up.json().id}`)).statusCode).toBe(204);
    const again = await a.admin.get(`/api/v1/forms/${form.id}/pdf`);
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(pdf)).toBe(true);
  });
});
