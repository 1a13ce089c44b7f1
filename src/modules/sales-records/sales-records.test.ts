import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  PASSWORD,
  type TestAccount,
  type TestApp,
  unique,
} from '../../../test/support/app.ts';
import { DEFAULT_SALES_PERMISSIONS, can } from '../access/index.ts';
import { NO_PERMISSIONS } from '../users/index.ts';
import { salesRecords } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type World = {
  a: TestAccount;
  lead: { id: string; statuses: { id: string; name: string }[] };
  renewal: { id: string; statuses: { id: string }[] };
  agentGroup: string;
  restrictedGroup: string;
  agents: string[];
};

async function world(): Promise<World> {
  const a = await t.newAccount();
  const [lead, renewal] = (await a.admin.get('/api/v1/record-types')).json().items;
  const agentGroup = (
    await a.admin.post('/api/v1/security-groups', {
      name: 'Agents',
      permissions: { ...NO_PERMISSIONS, salesEnablement: { visible: true } },
    })
  ).json().id;
  const restrictedGroup = (
    await a.admin.post('/api/v1/security-groups', {
      name: 'Downline',
      permissions: {
        ...NO_PERMISSIONS,
        salesEnablement: { visible: true },
        recordAccess: { restriction: 'accessible_agents', includeUnassigned: true },
      },
    })
  ).json().id;
  const agents: string[] = [];
  for (const n of ['One', 'Two', 'Three'])
    agents.push((await a.admin.post('/api/v1/agents', { firstName: 'Agent', lastName: n })).json().id);
  return { a, lead, renewal, agentGroup, restrictedGroup, agents };
}

async function user(
  w: World,
  opts: { group?: string; userType?: string; sales?: object; linked?: string[]; accessible?: string[] } = {},
): Promise<{ id: string; client: Client }> {
  const username = unique('u');
  const res = await w.a.admin.post('/api/v1/users', {
    firstName: 'Sam',
    lastName: 'Seller',
    email: `${username}@example.test`,
    username,
    securityGroupId: opts.group ?? w.agentGroup,
    userType: opts.userType ?? 'agency_user',
    linkedAgentIds: opts.linked ?? [],
    accessibleAgentIds: opts.accessible ?? [],
    salesPermissions: {
      ...DEFAULT_SALES_PERMISSIONS,
      recordTypeAccess: { [w.lead.id]: { view: true, add: true, edit: true } },
      ...opts.sales,
    },
    sendLoginInfo: false,
  });
  expect(res.statusCode, res.body).toBe(201);
  const c = await t.login(username, res.json().temporaryPassword);
  await c.post('/api/v1/me/password', {
    currentPassword: res.json().temporaryPassword,
    newPassword: PASSWORD,
  });
  return { id: res.json().user.id, client: c };
}

const create = async (c: Client, body: Record<string, unknown>) => {
  const res = await c.post('/api/v1/sales-records', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string } & Record<string, unknown>;
};

describe('creating and editing Sales Records', () => {
  it('defaults to the account’s default record type and its first status, normalising phones', async () => {
    const w = await world();
    const r = await create(w.a.admin, {
      firstName: 'Ruth',
      lastName: 'Baker',
      phone: '(312) 201-3344',
      email: 'Ruth@Example.com',
      medicareNumber: '1eg4-te5-mk73',
      state: 'fl',
      zip: '33101',
    });
    expect(r).toMatchObject({
      recordTypeId: w.lead.id,
      statusId: w.lead.statuses[0]!.id,
      phone: '+13122013344',
      email: 'ruth@example.com',
      medicareNumber: '1EG4TE5MK73',
      state: 'FL',
    });
  });

  it('lists every invalid field at once and saves nothing', async () => {
    const w = await world();
    const res = await w.a.admin.post('/api/v1/sales-records', {
      firstName: 'X',
      lastName: 'Y',
      email: 'not-an-email',
      phone: '123',
      dateOfBirth: '2999-01-01',
      zip: '1234',
      state: 'ZZ',
      medicareNumber: 'ABC',
      gender: 'robot',
      partADate: '2026-13-01',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['dateOfBirth', 'email', 'gender', 'medicareNumber', 'partADate', 'phone', 'state', 'zip']);
    const [{ n }] = (await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(salesRecords)
      .where(eq(salesRecords.accountId, w.a.accountId))) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('refuses a status of another record type, and an agent of another account', async () => {
    const w = await world();
    const wrong = await w.a.admin.post('/api/v1/sales-records', {
      firstName: 'A',
      lastName: 'B',
      recordTypeId: w.lead.id,
      statusId: w.renewal.statuses[0]!.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { path: 'statusId', message: 'This status belongs to another record type.' },
    ]);
    const other = await world();
    expect(
      (
        await w.a.admin.post('/api/v1/sales-records', {
          firstName: 'A',
          lastName: 'B',
          assignedAgentId: other.agents[0],
        })
      ).statusCode,
    ).toBe(404);
  });

  it('agents to pick: all active agents, or only one’s Linked Agents under Agent Dropdown View “self”', async () => {
    const w = await world();
    const all = (await w.a.admin.get('/api/v1/agents/assignable'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(all.sort()).toEqual([...w.agents].sort());
    const u = await user(w, { sales: { agentDropdownView: 'self' }, linked: [w.agents[1]!] });
    expect(
      (await u.client.get('/api/v1/agents/assignable')).json().items.map((x: { id: string }) => x.id),
    ).toEqual([w.agents[1]]);
    expect((await u.client.get('/api/v1/agents')).statusCode).toBe(403);
  });

  it('an agent with Agent Dropdown View “self” may assign only themselves', async () => {
    const w = await world();
    const u = await user(w, { sales: { agentDropdownView: 'self' } });
    const res = await u.client.post('/api/v1/sales-records', {
      firstName: 'A',
      lastName: 'B',
      assignedUserId: w.a.adminId,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('assignedUserId');
    expect(
      (await u.client.post('/api/v1/sales-records', { firstName: 'A', lastName: 'B', assignedUserId: u.id }))
        .statusCode,
    ).toBe(201);
  });

  it('“self” Agent Dropdown View: only one’s own Linked Agents, on create, edit, bulk assign and import', async () => {
    const w = await world();
    const u = await user(w, { sales: { agentDropdownView: 'self' }, linked: [w.agents[1]!] });
    const bad = await u.client.post('/api/v1/sales-records', {
      firstName: 'A',
      lastName: 'B',
      assignedAgentId: w.agents[0],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['assignedAgentId']);
    const ok = await u.client.post('/api/v1/sales-records', {
      firstName: 'A',
      lastName: 'B',
      assignedAgentId: w.agents[1],
    });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id;
    expect(
      (await u.client.patch(`/api/v1/sales-records/${id}`, { assignedAgentId: w.agents[0] })).statusCode,
    ).toBe(400);
    const bulk = await u.client.post('/api/v1/sales-records/bulk', {
      ids: [id],
      assignedAgentId: w.agents[0],
    });
    expect(bulk.statusCode).toBe(400);
    const after = (await w.a.admin.get(`/api/v1/sales-records/${id}`)).json();
    expect(after.assignedAgentId).toBe(w.agents[1]);
  });

  it('records each change in the history, field by field, and notes with their author', async () => {
    const w = await world();
    const r = await create(w.a.admin, { firstName: 'Hal', lastName: 'Moss' });
    const won = w.lead.statuses.find((s) => s.name === 'Closed won')!;
    const upd = await w.a.admin.patch(`/api/v1/sales-records/${r.id}`, {
      statusId: won.id,
      carrier: 'Humana',
      phone: '312 201 9999',
    });
    expect(upd.json()).toMatchObject({ statusId: won.id, carrier: 'Humana', phone: '+13122019999' });
    const note = await w.a.admin.post(`/api/v1/sales-records/${r.id}/notes`, {
      body: 'Prefers afternoon calls.',
    });
    expect(note.json()).toMatchObject({ body: 'Prefers afternoon calls.', author: { id: w.a.adminId } });
    const history = (await w.a.admin.get(`/api/v1/sales-records/${r.id}/history`)).json().items;
    expect(history.map((h: { type: string }) => h.type)).toEqual([
      'sales_record.created',
      'sales_record.updated',
      'sales_record.note_added',
    ]);
    expect(history[1].data.changes).toEqual({
      statusId: { from: w.lead.statuses[0]!.id, to: won.id },
      carrier: { from: null, to: 'Humana' },
      phone: { from: null, to: '+13122019999' },
    });
    expect(history[1].actor.id).toBe(w.a.adminId);
  });

  it('editing needs Edit on the record type; changing type moves to the new type’s first status', async () => {
    const w = await world();
    const viewer = await user(w, { sales: { recordTypeAccess: { [w.lead.id]: { view: true } } } });
    const r = await create(w.a.admin, { firstName: 'Vi', lastName: 'Ewer' });
    const res = await viewer.client.patch(`/api/v1/sales-records/${r.id}`, { firstName: 'Changed' });
    expect(res.statusCode).toBe(403);
    expect(res.json().missing).toEqual(['salesPermissions.recordTypeAccess.edit']);
    expect((await viewer.client.post(`/api/v1/sales-records/${r.id}/notes`, { body: 'x' })).statusCode).toBe(
      403,
    );
    const moved = await w.a.admin.patch(`/api/v1/sales-records/${r.id}`, { recordTypeId: w.renewal.id });
    expect(moved.json()).toMatchObject({ recordTypeId: w.renewal.id, statusId: w.renewal.statuses[0]!.id });
  });
});

describe('record scope: lists and direct reads', () => {
  it('Record Access “assigned” lists and reads only records assigned to the user or their Linked Agent', async () => {
    const w = await world();
    const u = await user(w, { sales: { recordAccess: 'assigned' }, linked: [w.agents[0]!] });
    const mine = await create(w.a.admin, { firstName: 'Mine', lastName: 'Direct', assignedUserId: u.id });
    const viaAgent = await create(w.a.admin, {
      firstName: 'Mine',
      lastName: 'ViaAgent',
      assignedAgentId: w.agents[0],
    });
    const other = await create(w.a.admin, {
      firstName: 'Not',
      lastName: 'Mine',
      assignedAgentId: w.agents[1],
    });
    const unassigned = await create(w.a.admin, { firstName: 'No', lastName: 'One' });
    const ids = (await u.client.get('/api/v1/sales-records')).json().items.map((x: { id: string }) => x.id);
    expect(ids.sort()).toEqual([mine.id, viaAgent.id].sort());
    expect((await u.client.get(`/api/v1/sales-records/${other.id}`)).statusCode).toBe(404);
    expect((await u.client.get(`/api/v1/sales-records/${unassigned.id}`)).statusCode).toBe(404);
    expect((await u.client.get(`/api/v1/sales-records/${mine.id}`)).statusCode).toBe(200);
    expect((await w.a.admin.get('/api/v1/sales-records')).json().items).toHaveLength(4);
  });

  it('Record Type Access: a type without View is invisible', async () => {
    const w = await world();
    const u = await user(w);
    const renewal = await create(w.a.admin, { firstName: 'Re', lastName: 'New', recordTypeId: w.renewal.id });
    await create(w.a.admin, { firstName: 'Le', lastName: 'Ad' });
    expect(
      (await u.client.get('/api/v1/sales-records')).json().items.map((x: { lastName: string }) => x.lastName),
    ).toEqual(['Ad']);
    expect((await u.client.get(`/api/v1/sales-records/${renewal.id}`)).statusCode).toBe(404);
    const add = await u.client.post('/api/v1/sales-records', {
      firstName: 'A',
      lastName: 'B',
      recordTypeId: w.renewal.id,
    });
    expect(add.statusCode).toBe(403);
    expect(add.json().missing).toEqual(['salesPermissions.recordTypeAccess.add']);
  });

  it('an Agent CRM user sees only their Accessible Agents’ book', async () => {
    const w = await world();
    const crm = await user(w, { userType: 'agent_crm_user', accessible: [w.agents[1]!] });
    const theirs = await create(w.a.admin, {
      firstName: 'Book',
      lastName: 'Theirs',
      assignedAgentId: w.agents[1],
    });
    await create(w.a.admin, { firstName: 'Book', lastName: 'Other', assignedAgentId: w.agents[2] });
    await create(w.a.admin, { firstName: 'Book', lastName: 'Unassigned' });
    expect(
      (await crm.client.get('/api/v1/sales-records')).json().items.map((x: { id: string }) => x.id),
    ).toEqual([theirs.id]);
  });

  it('a group restricted to Accessible Agents may include unassigned records', async () => {
    const w = await world();
    const u = await user(w, { group: w.restrictedGroup, accessible: [w.agents[2]!] });
    const a = await create(w.a.admin, { firstName: 'R', lastName: 'Agent3', assignedAgentId: w.agents[2] });
    const b = await create(w.a.admin, { firstName: 'R', lastName: 'Nobody' });
    await create(w.a.admin, { firstName: 'R', lastName: 'Agent1', assignedAgentId: w.agents[0] });
    await create(w.a.admin, { firstName: 'R', lastName: 'AdminsOwn', assignedUserId: w.a.adminId });
    expect(
      (await u.client.get('/api/v1/sales-records'))
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
  });

  it('the list’s SQL scope agrees with can() on every record, for every kind of user', async () => {
    const w = await world();
    const combos = [
      await user(w),
      await user(w, { sales: { recordAccess: 'assigned' }, linked: [w.agents[0]!] }),
      await user(w, { userType: 'agent_crm_user', accessible: [w.agents[1]!], linked: [w.agents[0]!] }),
      await user(w, {
        group: w.restrictedGroup,
        accessible: [w.agents[2]!],
        sales: { recordAccess: 'assigned' },
      }),
    ];
    const assignees = [null, ...combos.map((c) => c.id), w.a.adminId];
    const agentIds = [null, ...w.agents];
    for (const au of assignees)
      for (const ag of agentIds)
        await create(w.a.admin, { firstName: 'G', lastName: 'Rid', assignedUserId: au, assignedAgentId: ag });
    const all = await t.deps.db.select().from(salesRecords).where(eq(salesRecords.accountId, w.a.accountId));
    for (const c of combos) {
      const listed = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (
          await c.client.get(`/api/v1/sales-records?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        for (const i of page.items) listed.add(i.id);
        cursor = page.nextCursor;
      } while (cursor);
      const me = await c.client.get('/api/v1/me');
      expect(me.statusCode).toBe(200);
      for (const r of all) {
        const direct = (await c.client.get(`/api/v1/sales-records/${r.id}`)).statusCode === 200;
        expect(listed.has(r.id), `listed ${r.id}`).toBe(direct);
      }
      expect(listed.size).toBeGreaterThan(0);
      expect(listed.size).toBeLessThanOrEqual(all.length);
      // A name search (one word, two words; newest first and by name) pages through exactly the
      // records the user may see, in order, without gaps or repeats.
      for (const q of ['ri', 'g rid', 'RID G'])
        for (const sort of ['-createdAt', 'lastName']) {
          const found: { id: string; createdAt: string }[] = [];
          let after: string | null = null;
          do {
            const res: { items: { id: string; createdAt: string }[]; nextCursor: string | null } = (
              await c.client.get(
                `/api/v1/sales-records?q=${encodeURIComponent(q)}&sort=${sort}&limit=4${after ? `&cursor=${after}` : ''}`,
              )
            ).json();
            found.push(...res.items);
            after = res.nextCursor;
          } while (after);
          expect(new Set(found.map((f) => f.id)), `${q} ${sort}`).toEqual(listed);
          expect(found).toHaveLength(listed.size);
          const keys = found.map((f) => (sort === 'lastName' ? f.id : `${f.createdAt}|${f.id}`));
          expect(keys).toEqual(
            [...keys].sort((x, y) => (sort === 'lastName' ? (x < y ? -1 : 1) : x < y ? 1 : -1)),
          );
        }
      expect((await c.client.get('/api/v1/sales-records?q=zzz')).json().items).toEqual([]);
    }
    // …and can() itself agrees with the API for one restricted user.
    const crm = combos[2]!;
    const profile = {
      userId: crm.id,
      package: 'scale' as const,
      userType: 'agent_crm_user' as const,
      group: { ...NO_PERMISSIONS, salesEnablement: { visible: true } },
      sales: { ...DEFAULT_SALES_PERMISSIONS, recordTypeAccess: { [w.lead.id]: { view: true } } },
      linkedAgentIds: new Set([w.agents[0]!]),
      accessibleAgentIds: new Set([w.agents[1]!]),
    };
    for (const r of all) {
      const allowed = can(profile, 'sales_record.view', {
        record: {
          kind: 'sales_record',
          recordTypeId: r.recordTypeId,
          assignedUserId: r.assignedUserId,
          assignedAgentId: r.assignedAgentId,
        },
      }).allowed;
      expect((await crm.client.get(`/api/v1/sales-records/${r.id}`)).statusCode === 200).toBe(allowed);
    }
  });
});

describe('the lead list', () => {
  it('searches by name prefix, full name, email prefix and phone in any format', async () => {
    const w = await world();
    await create(w.a.admin, {
      firstName: 'Margaret',
      lastName: 'Olsen',
      email: 'molsen@example.com',
      phone: '312-201-1111',
    });
    await create(w.a.admin, { firstName: 'Oliver', lastName: 'Margolis', cellPhone: '+1 (312) 201-2222' });
    await create(w.a.admin, { firstName: 'Zed', lastName: 'Zimmer' });
    const names = async (q: string) =>
      (await w.a.admin.get(`/api/v1/sales-records?sort=lastName&q=${encodeURIComponent(q)}`))
        .json()
        .items.map((x: { lastName: string }) => x.lastName);
    expect(await names('marg')).toEqual(['Margolis', 'Olsen']);
    expect(await names('margaret ols')).toEqual(['Olsen']);
    expect(await names('olsen margaret')).toEqual(['Olsen']);
    expect(await names('MOLS@')).toEqual([]);
    expect(await names('molsen@ex')).toEqual(['Olsen']);
    expect(await names('(312) 201-2222')).toEqual(['Margolis']);
    expect(await names('3122011111')).toEqual(['Olsen']);
    expect(await names('100%')).toEqual([]);
  });

  it('finds a partial email and the last 4 or more digits of a phone or cell, in any formatting; 3 digits are not a phone search', async () => {
    const w = await world();
    await create(w.a.admin, {
      firstName: 'Dorothy',
      lastName: 'Johnson',
      email: 'dorothy.johnson58@example.com',
      phone: '(312) 201-3344',
    });
    await create(w.a.admin, {
      firstName: 'Dot',
      lastName: 'Jones',
      email: 'dorothy.johnson5@example.org',
      cellPhone: '312-764-3344',
    });
    await create(w.a.admin, { firstName: 'Walter', lastName: 'White', phone: '312 733 4001' });
    const names = async (q: string, sort = 'lastName') =>
      (await w.a.admin.get(`/api/v1/sales-records?sort=${sort}&q=${encodeURIComponent(q)}`))
        .json()
        .items.map((x: { lastName: string }) => x.lastName);
    expect(await names('dorothy.johnson58')).toEqual(['Johnson']);
    expect(await names('dorothy.johnson58', '-createdAt')).toEqual(['Johnson']);
    expect(await names('Dorothy.Johnson5')).toEqual(['Johnson', 'Jones']);
    expect(await names('Dorothy.Johnson5', '-createdAt')).toEqual(['Jones', 'Johnson']);
    expect(await names('dorothy.johnson58@')).toEqual(['Johnson']);
    // Letters alone are a name prefix, not an email search.
    expect(await names('dorothy')).toEqual(['Johnson']);
    // The last 4 digits, on phone and cell, however they are typed.
    for (const q of ['3344', ' 3344 ', '33-44', '(33)44'])
      expect(await names(q), q).toEqual(['Johnson', 'Jones']);
    // The last 7, in any formatting.
    for (const q of ['2013344', '201-3344', '201 3344', '201.3344', '(201) 3344'])
      expect(await names(q), q).toEqual(['Johnson']);
    expect(await names('764-3344')).toEqual(['Jones']);
    expect(await names('4001')).toEqual(['White']);
    // A suffix, not anywhere in the number: 3340 is no phone's end, 3122 only their start.
    expect(await names('3340')).toEqual([]);
    expect(await names('3122')).toEqual([]);
    // Three digits match one number in a thousand: not a phone search.
    expect(await names('344')).toEqual([]);
    expect(await names('001')).toEqual([]);
  });

  it('pages without gaps through records created in one transaction (one timestamp, as an import does)', async () => {
    const w = await world();
    const ids: string[] = [];
    for (let i = 0; i < 9; i++)
      ids.push((await create(w.a.admin, { firstName: 'Same', lastName: `T${i}` })).id);
    // What a batch insert leaves: every row with the transaction's timestamp, microseconds and all.
    await t.deps.db
      .update(salesRecords)
      .set({ createdAt: sql`'2026-05-05 10:00:00.123456+00'::timestamptz` as never })
      .where(and(eq(salesRecords.accountId, w.a.accountId), eq(salesRecords.firstName, 'Same')));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { id: string }[]; nextCursor: string | null } = (
        await w.a.admin.get(`/api/v1/sales-records?q=same&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...res.items.map((x) => x.id));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(ids.sort());
  });

  it('filters by type, status, assignee and creation time, and pages with a cursor without gaps or repeats', async () => {
    const w = await world();
    for (let i = 0; i < 23; i++)
      await create(w.a.admin, {
        firstName: `P${i}`,
        lastName: `Person${String(i).padStart(2, '0')}`,
        assignedAgentId: i % 2 ? w.agents[0] : null,
      });
    await create(w.a.admin, { firstName: 'R', lastName: 'Renewal', recordTypeId: w.renewal.id });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { lastName: string }[]; nextCursor: string | null } = (
        await w.a.admin.get(
          `/api/v1/sales-records?recordTypeId=${w.lead.id}&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...res.items.map((x: { lastName: string }) => x.lastName));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen[0]).toBe('Person22'); // newest first
    expect(
      (await w.a.admin.get(`/api/v1/sales-records?assignedAgentId=${w.agents[0]}`)).json().items,
    ).toHaveLength(11);
    expect(
      (await w.a.admin.get(`/api/v1/sales-records?statusId=${w.renewal.statuses[0]!.id}`)).json().items,
    ).toHaveLength(1);
    expect(
      (await w.a.admin.get(`/api/v1/sales-records?createdFrom=2999-01-01T00:00:00Z`)).json().items,
    ).toHaveLength(0);
  });

  it('computes temperature by age with a manual override, and filters by it', async () => {
    const w = await world();
    const fresh = await create(w.a.admin, { firstName: 'F', lastName: 'Fresh' });
    const old = await create(w.a.admin, { firstName: 'O', lastName: 'Old' });
    const forced = await create(w.a.admin, { firstName: 'M', lastName: 'Manual', manualTemperature: 'cold' });
    await t.deps.db
      .update(salesRecords)
      .set({ createdAt: new Date(Date.now() - 20 * 86400_000) })
      .where(and(eq(salesRecords.accountId, w.a.accountId), eq(salesRecords.id, old.id)));
    const list = (await w.a.admin.get('/api/v1/sales-records')).json().items;
    const temp = (id: string) => list.find((x: { id: string }) => x.id === id).temperature;
    expect([temp(fresh.id), temp(old.id), temp(forced.id)]).toEqual(['hot', 'warm', 'cold']);
    expect(
      (await w.a.admin.get('/api/v1/sales-records?temperature=hot'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toEqual([fresh.id]);
    expect(
      (await w.a.admin.get('/api/v1/sales-records?temperature=cold'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toEqual([forced.id]);
  });

  it('refuses bad filters clearly', async () => {
    const w = await world();
    const res = await w.a.admin.get('/api/v1/sales-records?temperature=lukewarm&limit=1000&sort=age');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.limit', 'querystring.sort', 'querystring.temperature']);
  });
});

describe('tenancy and packages', () => {
  it('another account’s Sales Record is 404 everywhere', async () => {
    const w = await world();
    const other = await world();
    const r = await create(other.a.admin, { firstName: 'Their', lastName: 'Lead' });
    for (const [method, url, payload] of [
      ['GET', `/api/v1/sales-records/${r.id}`],
      ['PATCH', `/api/v1/sales-records/${r.id}`, { firstName: 'X' }],
      ['GET', `/api/v1/sales-records/${r.id}/notes`],
      ['POST', `/api/v1/sales-records/${r.id}/notes`, { body: 'x' }],
      ['GET', `/api/v1/sales-records/${r.id}/history`],
    ] as [string, string, unknown?][]) {
      expect(
        (
          await w.a.admin.request({
            method: method as 'GET',
            url,
            ...(payload ? { payload: payload as object } : {}),
          })
        ).statusCode,
        url,
      ).toBe(404);
    }
    expect((await w.a.admin.get('/api/v1/sales-records')).json().items).toHaveLength(0);
  });

  it('Enhanced Records accounts have no Sales Records: a clear “not in your package”', async () => {
    const a = await t.newAccount({ package: 'enhanced_records' });
    const res = await a.admin.get('/api/v1/sales-records');
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toContain('not-in-package');
  });

  it('a user without Sales Enablement is refused, naming it', async () => {
    const w = await world();
    const g = (
      await w.a.admin.post('/api/v1/security-groups', { name: 'Office', permissions: NO_PERMISSIONS })
    ).json().id;
    const u = await user(w, { group: g });
    const res = await u.client.get('/api/v1/sales-records');
    expect(res.statusCode).toBe(403);
    expect(res.json().missing).toEqual(['securityGroup.salesEnablement.visible']);
  });
});
