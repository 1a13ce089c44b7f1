import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inAccount } from '../../db/tenant.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { recordStatuses } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('record types and statuses', () => {
  it('a new account has Lead (default), Renewal and Archive with the recommended archive statuses', async () => {
    const a = await t.newAccount();
    const types = (await a.admin.get('/api/v1/record-types')).json().items;
    expect(types.map((x: { name: string }) => x.name)).toEqual(['Lead', 'Renewal', 'Archive']);
    expect(types[0].isDefault).toBe(true);
    expect(
      types[0].statuses
        .filter((s: { isClosedWon: boolean }) => s.isClosedWon)
        .map((s: { name: string }) => s.name),
    ).toEqual(['Closed won']);
    expect(types[2].statuses.map((s: { name: string }) => s.name)).toEqual([
      'Do not contact',
      "Hold until next year's AEP",
      'Deceased',
    ]);
    // The first admin can do everything on every type.
    const me = (await a.admin.get('/api/v1/me')).json();
    for (const ty of types)
      expect(me.salesPermissions.recordTypeAccess[ty.id]).toEqual({
        view: true,
        add: true,
        edit: true,
        delete: true,
      });
  });

  it('refuses an eleventh record type with a clear message', async () => {
    const a = await t.newAccount();
    for (let i = 4; i <= 10; i++) {
      const res = await a.admin.post('/api/v1/record-types', {
        name: `Type ${i}`,
        statuses: [{ name: 'Open' }, { name: 'Won', isClosedWon: true }],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const eleventh = await a.admin.post('/api/v1/record-types', {
      name: 'Type 11',
      statuses: [{ name: 'Open' }],
    });
    expect(eleventh.statusCode).toBe(422);
    expect(eleventh.json().detail).toBe(
      'An account can have at most 10 record types. Remove or reuse one first.',
    );
    expect((await a.admin.get('/api/v1/record-types')).json().items).toHaveLength(10);
  });

  it('validates statuses: one closed won at most, distinct names, at least one', async () => {
    const a = await t.newAccount();
    const res = await a.admin.post('/api/v1/record-types', {
      name: 'Medicare',
      statuses: [
        { name: 'Won', isClosedWon: true },
        { name: 'won', isClosedWon: true },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['statuses', 'statuses.1.name']);
    expect((await a.admin.post('/api/v1/record-types', { name: 'Empty', statuses: [] })).statusCode).toBe(
      400,
    );
    expect(
      (await a.admin.post('/api/v1/record-types', { name: 'lead', statuses: [{ name: 'x' }] })).statusCode,
    ).toBe(409);
  });

  it('marks closed statuses (won and lost) in the default set; a closed flag is set, kept and checked', async () => {
    const a = await t.newAccount();
    const types = (await a.admin.get('/api/v1/record-types')).json().items;
    const closed = (ty: { statuses: { name: string; isClosed: boolean }[] }) =>
      ty.statuses.filter((s) => s.isClosed).map((s) => s.name);
    expect(types.map(closed)).toEqual([
      ['Closed won', 'Closed lost'],
      ['Renewed', 'Lapsed'],
      ['Do not contact', 'Deceased'],
    ]);
    const lead = types[0];
    const statuses = lead.statuses.map((s: { id: string; name: string; isClosedWon: boolean }) => ({
      id: s.id,
      name: s.name,
      isClosedWon: s.isClosedWon,
    }));
    // Omitted, a kept status keeps its flag; set, it changes; a new one is open unless said or won.
    const res = await a.admin.patch(`/api/v1/record-types/${lead.id}`, {
      statuses: [
        ...statuses.map((s: { name: string }) => (s.name === 'Quoted' ? { ...s, isClosed: true } : s)),
        { name: 'Not interested', isClosed: true },
        { name: 'Nurture' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(closed(res.json())).toEqual(['Quoted', 'Closed won', 'Closed lost', 'Not interested']);
    const bad = await a.admin.patch(`/api/v1/record-types/${lead.id}`, {
      statuses: [{ name: 'Won', isClosedWon: true, isClosed: false }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'statuses.0.isClosed', message: 'A closed-won status is closed.' },
    ]);
  });

  it('migration 0029 closes the default closed statuses of accounts that existed before it', async () => {
    const a = await t.newAccount();
    const scope = { accountId: a.accountId };
    await t.deps.db.update(recordStatuses).set({ isClosed: false }).where(inAccount(scope, recordStatuses));
    const [lead] = (await a.admin.get('/api/v1/record-types')).json().items;
    await t.deps.db
      .update(recordStatuses)
      .set({ name: 'Gone quiet' })
      .where(inAccount(scope, recordStatuses, eq(recordStatuses.id, lead.statuses[0].id)));
    const sql = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../db/migrations/0029_closed_statuses.sql'),
      'utf8',
    );
    for (const statement of sql.split('--> statement-breakpoint').slice(1))
      await t.deps.database.executeSql(statement);
    const rows = await t.deps.db.select().from(recordStatuses).where(inAccount(scope, recordStatuses));
    expect(
      rows
        .filter((r) => r.isClosed)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Closed lost', 'Closed won', 'Deceased', 'Do not contact', 'Lapsed', 'Renewed']);
  });

  it('edits statuses as an ordered list: keeps, renames, adds and removes', async () => {
    const a = await t.newAccount();
    const [lead] = (await a.admin.get('/api/v1/record-types')).json().items;
    const [s0, s1] = lead.statuses;
    const res = await a.admin.patch(`/api/v1/record-types/${lead.id}`, {
      description: 'Fresh leads',
      statuses: [
        { id: s1.id, name: s0.name },
        { id: s0.id, name: s1.name },
        { name: 'Sold', isClosedWon: true },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().statuses.map((s: { id?: string; name: string }) => s.name)).toEqual([
      s0.name,
      s1.name,
      'Sold',
    ]);
    expect(res.json().statuses[0].id).toBe(s1.id);
    expect(res.json().description).toBe('Fresh leads');
  });

  it('the default record type cannot be deleted until another is the default', async () => {
    const a = await t.newAccount();
    const [lead, renewal] = (await a.admin.get('/api/v1/record-types')).json().items;
    expect((await a.admin.delete(`/api/v1/record-types/${lead.id}`)).statusCode).toBe(422);
    const acc = await a.admin.patch('/api/v1/account', {
      defaultRecordTypeId: renewal.id,
      customFieldLabels: ['NPN', 'Birthday', 'Region', 'Manager'],
    });
    expect(acc.json()).toMatchObject({
      defaultRecordTypeId: renewal.id,
      customFieldLabels: ['NPN', 'Birthday', 'Region', 'Manager'],
    });
    expect((await a.admin.delete(`/api/v1/record-types/${lead.id}`)).statusCode).toBe(204);
    const b = await t.newAccount();
    const foreign = (await b.admin.get('/api/v1/record-types')).json().items[0].id;
    expect((await a.admin.patch('/api/v1/account', { defaultRecordTypeId: foreign })).statusCode).toBe(404);
  });
});

describe('agents and teams', () => {
  it('normalises agent phones to E.164 and validates NPN and email, listing every problem', async () => {
    const a = await t.newAccount();
    const bad = await a.admin.post('/api/v1/agents', {
      firstName: '',
      lastName: 'X',
      npn: 'abc',
      email: 'nope',
      phone: '12',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'firstName', 'npn', 'phone']);
    const ok = await a.admin.post('/api/v1/agents', {
      firstName: 'Ana',
      lastName: 'Lopez',
      npn: '17283940',
      email: 'Ana@Agency.test',
      phone: '312.201.3344',
    });
    expect(ok.json()).toMatchObject({ phone: '+13122013344', email: 'ana@agency.test', active: true });
    const edited = await a.admin.patch(`/api/v1/agents/${ok.json().id}`, { active: false });
    expect(edited.json().active).toBe(false);
    expect((await a.admin.get('/api/v1/agents?q=lop')).json().items).toHaveLength(1);
    expect((await a.admin.get('/api/v1/agents?active=true')).json().items).toHaveLength(0);
  });

  it('teams have unique names and members of the account', async () => {
    const a = await t.newAccount();
    const id = (await a.admin.post('/api/v1/teams', { name: 'Closers', memberIds: [a.adminId] })).json().id;
    expect((await a.admin.post('/api/v1/teams', { name: 'closers' })).statusCode).toBe(409);
    expect((await a.admin.patch(`/api/v1/teams/${id}`, { memberIds: [] })).statusCode).toBe(204);
    expect((await a.admin.get('/api/v1/teams')).json().items).toEqual([
      { id, name: 'Closers', memberIds: [] },
    ]);
  });
});

describe('my sales profile (SOA/ACA sender details)', () => {
  it('stores phone in E.164, a typed or drawn signature, sales rep IDs with one default, and the NPN', async () => {
    const a = await t.newAccount();
    const bad = await a.admin.patch('/api/v1/me/sales-profile', {
      phone: 'x',
      npn: '12ab',
      signature: { kind: 'drawn', dataUrl: 'javascript:alert(1)' },
      salesRepIds: [{ value: 'A1', isDefault: false }],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['npn', 'phone', 'salesRepIds', 'signature.dataUrl']);
    const ok = await a.admin.patch('/api/v1/me/sales-profile', {
      phone: '(312) 201-3344',
      npn: '8812345',
      signature: { kind: 'typed', text: 'Dana Reyes' },
      salesRepIds: [
        { value: 'AET-001', isDefault: true },
        { value: 'HUM-77', isDefault: false },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      phone: '+13122013344',
      npn: '8812345',
      signature: { kind: 'typed', text: 'Dana Reyes' },
      salesRepIds: [
        { value: 'AET-001', isDefault: true },
        { value: 'HUM-77', isDefault: false },
      ],
    });
  });
});
