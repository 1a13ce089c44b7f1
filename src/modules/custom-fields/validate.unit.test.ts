import { describe, expect, it } from 'vitest';
import { type FieldDef, validateCustomValues } from './validate.ts';

const defs: FieldDef[] = [
  { key: 'income', label: 'Income', type: 'number', options: [], required: false },
  { key: 'tobacco', label: 'Tobacco user', type: 'boolean', options: [], required: true },
  {
    key: 'plan',
    label: 'Plan interest',
    type: 'picklist',
    options: ['MAPD', 'Med Supp', 'PDP'],
    required: false,
  },
  { key: 'callback', label: 'Call back on', type: 'date', options: [], required: false },
  { key: 'notes', label: 'Notes', type: 'text', options: [], required: false },
];

describe('custom field values', () => {
  it('accepts and normalises good values', () => {
    expect(
      validateCustomValues(
        defs,
        { income: '52,000', tobacco: false, plan: 'PDP', callback: '2026-12-01', notes: ' hi ' },
        { creating: true },
      ),
    ).toEqual({
      values: { income: 52000, tobacco: false, plan: 'PDP', callback: '2026-12-01', notes: 'hi' },
      problems: [],
    });
  });

  it('reports every problem: unknown key, types, pick-list, impossible dates, required', () => {
    const r = validateCustomValues(
      defs,
      { income: 'lots', plan: 'Gold', callback: '2026-02-30', shoe: 9, notes: 5 },
      { creating: true },
    );
    expect(r.problems.map((p) => p.path).sort()).toEqual([
      'customFields.callback',
      'customFields.income',
      'customFields.notes',
      'customFields.plan',
      'customFields.shoe',
      'customFields.tobacco',
    ]);
  });

  it('on update, absent required fields are fine but clearing them is not', () => {
    expect(validateCustomValues(defs, { plan: 'MAPD' }, { creating: false }).problems).toEqual([]);
    expect(validateCustomValues(defs, { tobacco: null }, { creating: false }).problems).toEqual([
      { path: 'customFields.tobacco', message: 'Tobacco user is required.' },
    ]);
  });
});
