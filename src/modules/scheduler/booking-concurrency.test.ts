import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { activities } from '../activities/schema.ts';
import { book, counts, createSchedule, newUser, slotsOn } from '../../../test/support/scheduler-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Fire `n` bookings of one slot at once, each from its own address and booker, through the HTTP API. */
const stampede = (slug: string, start: string, n: number) =>
  Promise.all(Array.from({ length: n }, () => book(t, slug, start)));

describe('concurrent bookings of one slot', () => {
  it('50 at once on a one-user schedule: exactly one appointment, 49 clear 409s', async () => {
    const a = await t.newAccount();
    const s = await createSchedule(t, a);
    const [x] = await slotsOn(t, s.slug);
    const results = await stampede(s.slug, x!, 50);
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of results.filter((r) => r.statusCode === 409))
      expect(r.json()).toMatchObject({
        status: 409,
        detail: 'This time was just taken. Choose another time.',
      });
    const booked = await t.deps.db
      .select()
      .from(activities)
      .where(and(eq(activities.accountId, a.accountId), eq(activities.startsAt, new Date(x!))));
    expect(booked).toHaveLength(1);
    expect(await counts(t, a.accountId)).toEqual({
      salesRecords: 1,
      individuals: 0,
      activities: 1,
      bookings: 1,
    });
  });

  it('50 at once on a two-user schedule: one appointment per user, in list order of who is free', async () => {
    const a = await t.newAccount();
    const second = await newUser(t, a);
    const s = await createSchedule(t, a, { userIds: [a.adminId, second.id] });
    const [x] = await slotsOn(t, s.slug);
    const codes = (await stampede(s.slug, x!, 50)).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(2);
    expect(codes.filter((c) => c === 409)).toHaveLength(48);
    const owners = (
      await t.deps.db
        .select({ owner: activities.ownerUserId })
        .from(activities)
        .where(and(eq(activities.accountId, a.accountId), eq(activities.startsAt, new Date(x!))))
    ).map((r) => r.owner);
    expect(owners.sort()).toEqual([a.adminId, second.id].sort());
  });

  it('two schedules sharing users in opposite orders: never a double booking, never a deadlock', async () => {
    const a = await t.newAccount();
    const second = await newUser(t, a);
    const one = await createSchedule(t, a, { userIds: [a.adminId, second.id] });
    const two = await createSchedule(t, a, { userIds: [second.id, a.adminId] });
    const [x] = await slotsOn(t, one.slug);
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => book(t, one.slug, x!)),
      ...Array.from({ length: 20 }, () => book(t, two.slug, x!)),
    ]);
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(2);
    expect(codes.filter((c) => c === 409)).toHaveLength(38);
    const owners = (
      await t.deps.db
        .select({ owner: activities.ownerUserId })
        .from(activities)
        .where(and(eq(activities.accountId, a.accountId), eq(activities.startsAt, new Date(x!))))
    ).map((r) => r.owner);
    expect(owners.sort()).toEqual([a.adminId, second.id].sort());
  });
});
