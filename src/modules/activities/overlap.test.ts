import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { inAccount } from '../../db/tenant.ts';
import { activityStatuses, activityTypes } from './schema.ts';

let t: TestApp;
let a: TestAccount;
let typeId: string;
let cancelledId: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  const scope = { accountId: a.accountId };
  const types = await t.deps.db.select().from(activityTypes).where(inAccount(scope, activityTypes));
  typeId = types.find((x) => x.name === 'Appointment')!.id;
  const statuses = await t.deps.db.select().from(activityStatuses).where(inAccount(scope, activityStatuses));
  cancelledId = statuses.find((x) => x.name === 'Cancelled')!.id;
});
afterAll(() => t.close());

const at = (hhmm: string) => `2031-03-04T${hhmm}:00.000Z`;
const body = (subject: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  activityTypeId: typeId,
  subject,
  startsAt: at(from),
  endsAt: at(to),
  ...extra,
});

describe('two appointments of the same owner at the same time', () => {
  it('are refused with 409 activity-overlap until confirmed; touching ends and cancelled ones do not count', async () => {
    const first = await a.admin.post('/api/v1/activities', body('Medicare review', '14:00', '15:00'));
    expect(first.statusCode, first.body).toBe(201);

    const clash = await a.admin.post('/api/v1/activities', body('Plan check', '14:30', '15:30'));
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toContain('application/problem+json');
    expect(clash.json().type).toMatch(/activity-overlap$/);
    expect(clash.json().detail).toBe(
      'This time overlaps “Medicare review” of the same owner. Save it anyway?',
    );
    expect(clash.json().errors).toEqual([
      {
        path: 'startsAt',
        message: 'Overlaps “Medicare review” (2031-03-04T14:00:00.000Z – 2031-03-04T15:00:00.000Z).',
      },
    ]);
    const listed = async () =>
      (await a.admin.get(`/api/v1/activities?from=${at('00:00')}&to=${at('23:59')}`))
        .json()
        .items.map((x: { subject: string }) => x.subject);
    expect(await listed()).toEqual(['Medicare review']);

    const confirmed = await a.admin.post(
      '/api/v1/activities',
      body('Plan check', '14:30', '15:30', { confirmOverlap: true }),
    );
    expect(confirmed.statusCode, confirmed.body).toBe(201);

    // Back to back is not an overlap.
    expect((await a.admin.post('/api/v1/activities', body('Next one', '15:30', '16:00'))).statusCode).toBe(
      201,
    );

    // Moving an activity onto another is refused the same way; confirming lets it through.
    const later = (await a.admin.post('/api/v1/activities', body('Later', '18:00', '18:30'))).json();
    const moved = await a.admin.patch(`/api/v1/activities/${later.id}`, {
      startsAt: at('15:45'),
      endsAt: at('16:15'),
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().detail).toContain('“Next one”');
    // Editing the subject only (no time change) is never refused.
    expect(
      (await a.admin.patch(`/api/v1/activities/${confirmed.json().id}`, { subject: 'Plan check 2' }))
        .statusCode,
    ).toBe(200);
    const forced = await a.admin.patch(`/api/v1/activities/${later.id}`, {
      startsAt: at('15:45'),
      endsAt: at('16:15'),
      confirmOverlap: true,
    });
    expect(forced.statusCode, forced.body).toBe(200);

    // A cancelled appointment leaves its time free.
    await a.admin.post('/api/v1/activities', body('Called off', '20:00', '21:00', { statusId: cancelledId }));
    expect((await a.admin.post('/api/v1/activities', body('Instead', '20:00', '21:00'))).statusCode).toBe(
      201,
    );
  });
});
