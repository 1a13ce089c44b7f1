import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../test/support/app.ts';

let t: TestApp;
let a: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
});
afterAll(() => t.close());

describe('validation messages a person can read', () => {
  it('a 5,000-character name is "at most 100 characters", and nothing is saved', async () => {
    const res = await a.admin.post('/api/v1/sales-records', {
      firstName: 'x'.repeat(5000),
      lastName: 'Long',
      middleName: 'm'.repeat(101),
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors).toContainEqual({ path: 'firstName', message: 'Must be at most 100 characters.' });
    expect(errors).toContainEqual({ path: 'middleName', message: 'Must be at most 100 characters.' });
    expect((await a.admin.get('/api/v1/sales-records?q=Long')).json().items).toEqual([]);
  });

  it('a missing field is "Required." and a wrong type names the type', async () => {
    const res = await a.admin.post('/api/v1/sales-records', { firstName: 42 });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors).toContainEqual({ path: 'firstName', message: 'Must be a string.' });
    expect(errors).toContainEqual({ path: 'lastName', message: 'Required.' });
  });

  it('an impossible date is refused by the server too', async () => {
    const res = await a.admin.post('/api/v1/sales-records', {
      firstName: 'Feb',
      lastName: 'Thirty',
      dateOfBirth: '2026-02-30',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'dateOfBirth', message: 'Must be a date as YYYY-MM-DD.' }]);
  });
});
