import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
let a: TestAccount;
let other: TestAccount;
let callType: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  other = await t.newAccount();
  const types = (await a.admin.get('/api/v1/activity-types')).json().items as { id: string; name: string }[];
  callType = types.find((x) => x.name === 'Call')!.id;
});
afterAll(() => t.close());

type Kind = 'sales-records' | 'individuals';
type Event = {
  type: string;
  subjectType: string;
  subjectId: string;
  occurredAt: string;
  data: Record<string, unknown>;
  actor: { id: string; firstName: string; lastName: string } | null;
};

const create = async (kind: Kind, c = a) =>
  (await c.admin.post(`/api/v1/${kind}`, { firstName: 'Hist', lastName: 'Ory' })).json().id as string;
const history = async (kind: Kind, id: string) =>
  (await a.admin.get(`/api/v1/${kind}/${id}/history`)).json().items as Event[];

const ACTIVITY_LINK = { 'sales-records': 'salesRecordId', individuals: 'individualId' } as const;

describe.each(['sales-records', 'individuals'] as const)('the history of %s', (kind) => {
  it('shows policies, activities, files and notes added and removed (activities completed), with who and when', async () => {
    const id = await create(kind);
    const before = Date.now();
    const policy = (
      await a.admin.post(`/api/v1/${kind}/${id}/policies`, { carrier: 'Aetna', product: 'Plan G' })
    ).json().id;
    expect((await a.admin.delete(`/api/v1/policies/${policy}`)).statusCode).toBe(204);
    const activity = await a.admin.post('/api/v1/activities', {
      activityTypeId: callType,
      subject: 'Welcome call',
      dueAt: '2030-06-03T14:00:00.000Z',
      [ACTIVITY_LINK[kind]]: id,
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const activityId = activity.json().id;
    expect((await a.admin.post(`/api/v1/activities/${activityId}/complete`, {})).statusCode).toBe(200);
    expect((await a.admin.delete(`/api/v1/activities/${activityId}`)).statusCode).toBe(204);
    const link = (
      await a.admin.post(`/api/v1/${kind}/${id}/links`, {
        name: 'Brochure',
        url: 'https://example.com/b.pdf',
      })
    ).json().id;
    expect((await a.admin.delete(`/api/v1/files/${link}`)).statusCode).toBe(204);
    const note = (await a.admin.post(`/api/v1/${kind}/${id}/notes`, { body: 'Prefers mornings' })).json().id;
    expect((await a.admin.delete(`/api/v1/${kind}/${id}/notes/${note}`)).statusCode).toBe(204);

    const events = await history(kind, id);
    const own = kind === 'sales-records' ? 'sales_record' : 'individual';
    expect(events.map((e) => [e.type, e.subjectType])).toEqual([
      [`${own}.created`, own],
      ['policy.created', 'policy'],
      ['policy.deleted', 'policy'],
      ['activity.created', 'activity'],
      ['activity.completed', 'activity'],
      ['activity.deleted', 'activity'],
      ['file.added', own],
      ['file.removed', own],
      [`${own}.note_added`, own],
      [`${own}.note_removed`, own],
    ]);
    for (const e of events.slice(1)) {
      expect(e.actor?.id).toBe(a.adminId);
      expect(new Date(e.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
    expect(events[1]!.data).toMatchObject({ carrier: 'Aetna', product: 'Plan G' });
    expect(events[2]!.subjectId).toBe(policy);
    expect(events[4]!.data).toMatchObject({ subject: 'Welcome call' });
    expect(events[5]!.data).toMatchObject({ subject: 'Welcome call' });
    expect(events[7]!.data).toMatchObject({ name: 'Brochure' });
    expect(events[9]!.data).toMatchObject({
      noteId: note,
      body: 'Prefers mornings',
      authorUserId: a.adminId,
    });
  });

  it('shows an attached thing of another record of the same account nowhere else', async () => {
    const mine = await create(kind);
    const theirs = await create(kind);
    await a.admin.post(`/api/v1/${kind}/${theirs}/policies`, { carrier: 'Humana', product: 'PDP' });
    await a.admin.post('/api/v1/activities', {
      activityTypeId: callType,
      subject: 'Not mine',
      dueAt: '2030-06-03T14:00:00.000Z',
      [ACTIVITY_LINK[kind]]: theirs,
    });
    expect((await history(kind, mine)).map((e) => e.type)).toEqual([
      kind === 'sales-records' ? 'sales_record.created' : 'individual.created',
    ]);
  });
});

describe.each(['sales-records', 'individuals'] as const)('notes of %s (one implementation)', (kind) => {
  it('list newest first, the same shape on both records', async () => {
    const id = await create(kind);
    for (const body of ['first', 'second', 'third'])
      expect((await a.admin.post(`/api/v1/${kind}/${id}/notes`, { body })).statusCode).toBe(201);
    const notes = (await a.admin.get(`/api/v1/${kind}/${id}/notes`)).json().items;
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['third', 'second', 'first']);
    expect(Object.keys(notes[0]).sort()).toEqual(['author', 'body', 'createdAt', 'fromSalesRecordId', 'id']);
    expect(notes[0].fromSalesRecordId).toBeNull();
    expect(notes[0].author).toMatchObject({ id: a.adminId });
  });

  it('removing: another record’s note or another account’s record is 404, an empty note is 400', async () => {
    const id = await create(kind);
    const elsewhere = await create(kind);
    const note = (await a.admin.post(`/api/v1/${kind}/${id}/notes`, { body: 'keep' })).json().id;
    expect((await a.admin.delete(`/api/v1/${kind}/${elsewhere}/notes/${note}`)).statusCode).toBe(404);
    const foreign = await create(kind, other);
    expect((await a.admin.delete(`/api/v1/${kind}/${foreign}/notes/${note}`)).statusCode).toBe(404);
    expect((await other.admin.delete(`/api/v1/${kind}/${id}/notes/${note}`)).statusCode).toBe(404);
    expect((await a.admin.post(`/api/v1/${kind}/${id}/notes`, { body: '   ' })).statusCode).toBe(400);
    expect((await a.admin.get(`/api/v1/${kind}/${id}/notes`)).json().items).toHaveLength(1);
  });

  it('the person fields are validated the same way on both (one schema)', async () => {
    const res = await a.admin.post(`/api/v1/${kind}`, {
      firstName: 'Val',
      lastName: 'Id',
      state: 'XX',
      zip: '123',
      medicareNumber: 'nope',
      gender: 'other',
      phone: '555',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['gender', 'medicareNumber', 'phone', 'state', 'zip']);
    const ok = await a.admin.post(`/api/v1/${kind}`, {
      firstName: 'Val',
      lastName: 'Id',
      state: 'fl',
      medicareNumber: '1eg4-te5-mk73',
      phone: '(305) 555-0147',
      gender: 'female',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      state: 'FL',
      medicareNumber: '1EG4TE5MK73',
      phone: '+13055550147',
      gender: 'female',
    });
  });
});

it('a converted Sales Record’s notes are read-only, with the same message for notes, policies and fields', async () => {
  const id = await create('sales-records');
  const [lead] = (await a.admin.get('/api/v1/record-types')).json().items;
  const won = lead.statuses.find((s: { isClosedWon: boolean }) => s.isClosedWon).id;
  await a.admin.patch(`/api/v1/sales-records/${id}`, { statusId: won });
  const converted = await a.admin.post(`/api/v1/sales-records/${id}/convert`);
  expect(converted.statusCode, converted.body).toBe(200);
  const note = await a.admin.post(`/api/v1/sales-records/${id}/notes`, { body: 'late' });
  const policy = await a.admin.post(`/api/v1/sales-records/${id}/policies`, { carrier: 'A', product: 'B' });
  const patch = await a.admin.patch(`/api/v1/sales-records/${id}`, { city: 'Miami' });
  expect([note.statusCode, policy.statusCode, patch.statusCode]).toEqual([422, 422, 422]);
  expect(new Set([note.json().detail, policy.json().detail, patch.json().detail]).size).toBe(1);
});
