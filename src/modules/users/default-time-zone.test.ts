import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp, unique } from '../../../test/support/app.ts';

let t: TestApp;
let a: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
});
afterAll(() => t.close());

describe('a new user’s time zone', () => {
  it('is the account’s (Chicago) when none is given, and the given one otherwise', async () => {
    expect((await a.admin.patch('/api/v1/account', { timeZone: 'America/Chicago' })).statusCode).toBe(200);
    const groupId = (await a.admin.get('/api/v1/security-groups')).json().items[0].id;
    const create = async (extra: Record<string, unknown>) => {
      const username = unique('tz');
      const res = await a.admin.post('/api/v1/users', {
        firstName: 'Zoe',
        lastName: 'Zone',
        email: `${username}@example.test`,
        username,
        securityGroupId: groupId,
        sendLoginInfo: false,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(201);
      return (await a.admin.get(`/api/v1/users/${res.json().user.id}`)).json().timeZone as string;
    };
    expect(await create({})).toBe('America/Chicago');
    expect(await create({ timeZone: 'America/Denver' })).toBe('America/Denver');
  });
});
