import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { accounts } from '../accounts/schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const body = (n: number) => ({
  name: `First Agency ${n}`,
  package: 'elevate',
  timeZone: 'America/Chicago',
  admin: {
    email: `first${n}@example.test`,
    username: `first${n}`,
    firstName: 'Ada',
    lastName: 'Admin',
    password: 'first-admin-password',
  },
});

describe('first-run setup', () => {
  it('validates every field at once and creates nothing', async () => {
    const res = await t.anonymous.post('/api/v1/setup', {
      name: '',
      package: 'gold',
      admin: { email: 'nope', username: 'a', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['admin.email', 'admin.password', 'admin.username', 'name', 'package']);
    expect((await t.anonymous.get('/api/v1/setup')).json()).toEqual({ needed: true });
  });

  it('creates the first account once, even when two setups race, then is gone', async () => {
    expect((await t.anonymous.get('/api/v1/setup')).json()).toEqual({ needed: true });
    const [r1, r2] = await Promise.all([
      t.anonymous.post('/api/v1/setup', body(1)),
      t.anonymous.post('/api/v1/setup', body(2)),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
    const winner = r1.statusCode === 201 ? r1 : r2;
    const cookie = winner.cookies.find((c) => c.name === 'openams_session')!;
    const me = await t.anonymous.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `openams_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({
      isAccountAdmin: true,
      securityGroupName: 'Administrators',
      account: { package: 'elevate', timeZone: 'America/Chicago' },
    });
    expect(await t.deps.db.select().from(accounts)).toHaveLength(1);
    expect((await t.anonymous.get('/api/v1/setup')).json()).toEqual({ needed: false });
    const late = await t.anonymous.post('/api/v1/setup', body(3));
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Setup is already complete.');
  });
});
