import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { COMMANDS } from './commands.ts';
import { DEMO_PASSWORD } from './seed-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('seed-demo', () => {
  it('creates a working demo agency once, then leaves it alone', async () => {
    const first = await COMMANDS['seed-demo']!(t.deps, {});
    expect(first.text).toContain('demo.owner');
    const again = await COMMANDS['seed-demo']!(t.deps, {});
    expect(again.text).toContain('already exists');
    const owner = await t.login('demo.owner', DEMO_PASSWORD);
    const users = (await owner.get('/api/v1/users')).json().items;
    expect(users).toHaveLength(6);
    const leads = await owner.get('/api/v1/sales-records/dashboard?whose=all');
    const total = leads.json().byRecordType.reduce((n: number, x: { count: number }) => n + x.count, 0);
    expect(total).toBeGreaterThanOrEqual(250); // open ones: closed (won, lost, lapsed…) are not counted
    expect(leads.json().byStatus.length).toBeGreaterThan(8);
    expect((await owner.get('/api/v1/individuals?limit=200')).json().items.length).toBe(80);
    const tom = await t.login('tom.okafor', DEMO_PASSWORD);
    const tomsLeads = (await tom.get('/api/v1/sales-records?limit=200')).json().items;
    expect(tomsLeads.length).toBeGreaterThan(0);
    expect(tomsLeads.length).toBeLessThan(total / 2);
    const me = (await tom.get('/api/v1/me')).json();
    expect(me.userType).toBe('agent_crm_user');
    expect((await tom.get('/api/v1/users/assignable')).json().items).toHaveLength(1);
    expect((await tom.get('/api/v1/users')).statusCode).toBe(403);
  });

  it('the CLI commands validate their options', async () => {
    await expect(
      COMMANDS['api-key create']!(t.deps, { account: 'No such agency', name: 'x' }),
    ).rejects.toThrow('No account');
    await expect(COMMANDS['account create']!(t.deps, { name: 'X' })).rejects.toThrow('--package is required');
  });
});
