import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../modules/activities/schema.ts';
import { weekStart } from './demo-week.ts';
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
    expect(leads.json().byStatus.length).toBeGreaterThan(5); // open statuses only
    expect((await owner.get('/api/v1/individuals?limit=200')).json().items.length).toBe(80);
    const tom = await t.login('tom.okafor', DEMO_PASSWORD);
    const tomsLeads = (await tom.get('/api/v1/sales-records?limit=200')).json().items;
    expect(tomsLeads.length).toBeGreaterThan(0);
    expect(tomsLeads.length).toBeLessThan(total / 2);
    const me = (await tom.get('/api/v1/me')).json();
    expect(me.userType).toBe('agent_crm_user');
    expect((await tom.get('/api/v1/users/assignable')).json().items).toHaveLength(1);
    expect((await tom.get('/api/v1/users')).statusCode).toBe(403);

    // A realistic week: activities of several types for several users, Monday to Friday.
    const monday = weekStart(new Date());
    const friday = new Date(monday.getTime() + 5 * 86400_000);
    const acts = await t.deps.db
      .select()
      .from(activities)
      .where(eq(activities.accountId, (await owner.get('/api/v1/account')).json().id));
    expect(acts.length).toBeGreaterThanOrEqual(50);
    expect(new Set(acts.map((x) => x.ownerUserId)).size).toBe(6);
    expect(new Set(acts.map((x) => x.activityTypeId)).size).toBeGreaterThanOrEqual(4);
    for (const x of acts) {
      const when = (x.startsAt ?? x.dueAt)!;
      expect(when >= monday && when < friday).toBe(true);
      expect(x.salesRecordId).not.toBeNull();
    }
    expect(acts.some((x) => x.completedAt) || new Date().getUTCDay() === 1).toBe(true);
    // A booking page anyone can open.
    const page = await t.app.inject({ method: 'GET', url: '/api/public/v1/schedules/sunrise-plan-review' });
    expect(page.statusCode, page.body).toBe(200);
    // History on a worked lead; closed statuses among the records (won, lost…), not counted as open.
    const worked = acts[0]!.salesRecordId!;
    const history = (await owner.get(`/api/v1/sales-records/${worked}/history`)).json().items;
    expect(history.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['sales_record.created', 'sales_record.note_added', 'sales_record.updated']),
    );
    const list = (await owner.get('/api/v1/sales-records?limit=200')).json().items;
    expect(list.some((r: { temperature: string | null }) => r.temperature === null)).toBe(true);
    expect((await owner.get('/api/v1/individuals?limit=5')).json().items.length).toBe(5);
  });

  it('the CLI commands validate their options', async () => {
    await expect(
      COMMANDS['api-key create']!(t.deps, { account: 'No such agency', name: 'x' }),
    ).rejects.toThrow('No account');
    await expect(COMMANDS['account create']!(t.deps, { name: 'X' })).rejects.toThrow('--package is required');
  });
});
