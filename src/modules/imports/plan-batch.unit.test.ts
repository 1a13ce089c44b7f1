import { describe, expect, it } from 'vitest';
import { leadKeys, type LeadValues } from '../intake/index.ts';
import { planBatch, type PlannedRow } from './plan-batch.ts';

const row = (values: LeadValues, notes: string[] = []): PlannedRow => {
  const v = { firstName: 'A', lastName: 'B', ...values };
  return { values: v, keys: leadKeys(v), notes };
};
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('planBatch', () => {
  it('creates every row that matches nothing, in file order, with its notes', () => {
    const plan = planBatch(
      [row({ email: 'a@x.com' }, ['first']), row({ phone: '+13120000001' }), row({})],
      new Map(),
      'skip',
      ids(),
    );
    expect(plan.creates.map((c) => c.id)).toEqual(['new-1', 'new-2', 'new-3']);
    expect(plan.creates[0]!.notes).toEqual(['first']);
    expect(plan.counts).toEqual({ created: 3, updated: 0, skipped: 0 });
    expect(plan.updates.size).toBe(0);
  });

  it('skips a row matching an existing record on any key, or fills that record’s blanks with "update"', () => {
    const existing = new Map([
      ['e:a@x.com', 'old-1'],
      ['p:+13120000002', 'old-2'],
      ['n:ann|lee|1950-01-02', 'old-3'],
    ]);
    const rows = [
      row({ email: 'a@x.com', city: 'Tampa' }, ['dropped']),
      row({ cellPhone: '+13120000002', zip: '33602' }),
      row({ firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1950-01-02' }),
    ];
    expect(planBatch(rows, existing, 'skip', ids()).counts).toEqual({ created: 0, updated: 0, skipped: 3 });
    const plan = planBatch(rows, existing, 'update', ids());
    expect(plan.counts).toEqual({ created: 0, updated: 3, skipped: 0 });
    expect(plan.creates).toEqual([]);
    expect(plan.updates.get('old-1')).toMatchObject({ email: 'a@x.com', city: 'Tampa' });
    expect(plan.updates.get('old-2')).toMatchObject({ cellPhone: '+13120000002', zip: '33602' });
  });

  it('tries keys in order — email, phone, cell, name + date of birth — existing records first for each', () => {
    const existing = new Map([
      ['e:a@x.com', 'by-email'],
      ['p:+13120000001', 'by-phone'],
    ]);
    const both = planBatch(
      [row({ email: 'a@x.com', phone: '+13120000001', city: 'X' })],
      existing,
      'update',
      ids(),
    );
    expect([...both.updates.keys()]).toEqual(['by-email']);
    // An earlier row of the batch with the same email, but an existing record with the same phone:
    // the email key is tried first, and it belongs to the new record.
    const plan = planBatch(
      [row({ email: 'b@x.com' }), row({ email: 'b@x.com', phone: '+13120000001' })],
      existing,
      'update',
      ids(),
    );
    expect(plan.creates.map((c) => c.id)).toEqual(['new-1']);
    expect(plan.creates[0]!.values.phone).toBe('+13120000001');
    expect(plan.updates.size).toBe(0);
  });

  it('finds duplicates within the batch, also through a key only a duplicate brought in', () => {
    const plan = planBatch(
      [
        row({ email: 'c@x.com' }),
        row({ email: 'c@x.com', phone: '+13120000003' }),
        row({ phone: '+13120000003' }), // shares only the second row's phone
        row({ email: 'd@x.com' }),
      ],
      new Map(),
      'skip',
      ids(),
    );
    expect(plan.counts).toEqual({ created: 2, updated: 0, skipped: 2 });
    expect(plan.creates.map((c) => c.values.email)).toEqual(['c@x.com', 'd@x.com']);
  });

  it('with "update", a duplicate within the batch fills the new record’s blanks (earlier values win) without touching the input', () => {
    const first = row({ email: 'e@x.com', city: 'Tampa' });
    const plan = planBatch(
      [first, row({ email: 'e@x.com', city: 'Miami', zip: '33101' }), row({ email: 'e@x.com', state: 'FL' })],
      new Map(),
      'update',
      ids(),
    );
    expect(plan.counts).toEqual({ created: 1, updated: 2, skipped: 0 });
    expect(plan.creates[0]!.values).toMatchObject({ city: 'Tampa', zip: '33101', state: 'FL' });
    expect(first.values).toEqual({ firstName: 'A', lastName: 'B', email: 'e@x.com', city: 'Tampa' });
  });

  it('fills an existing record from several rows in order, the first value of each field winning', () => {
    const plan = planBatch(
      [row({ email: 'f@x.com', city: 'One' }), row({ email: 'f@x.com', city: 'Two', zip: '33602' })],
      new Map([['e:f@x.com', 'old']]),
      'update',
      ids(),
    );
    expect(plan.updates.get('old')).toMatchObject({ city: 'One', zip: '33602' });
  });

  it('an empty batch plans nothing', () => {
    expect(planBatch([], new Map(), 'update', ids())).toEqual({
      creates: [],
      updates: new Map(),
      counts: { created: 0, updated: 0, skipped: 0 },
    });
  });
});
