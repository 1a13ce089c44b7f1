import { describe, expect, it } from 'vitest';
import { FieldMemo, normaliseDate, validateLead } from './lead-fields.ts';

describe('lead field validation', () => {
  it('normalises a good lead', () => {
    expect(
      validateLead({
        firstName: ' Ann ',
        lastName: 'Lee',
        phone: '(555) 201-3344',
        dateOfBirth: '4/2/1955',
        medicareNumber: '1eg4-te5-mk73',
        state: 'fl',
        gender: 'Female',
      }),
    ).toEqual({
      values: {
        firstName: 'Ann',
        lastName: 'Lee',
        phone: '+15552013344',
        dateOfBirth: '1955-04-02',
        medicareNumber: '1EG4TE5MK73',
        state: 'FL',
        gender: 'female',
      },
      problems: [],
    });
  });

  it('lists every problem with its field', () => {
    const r = validateLead({ firstName: '', email: 'x', zip: '1', dateOfBirth: '13/45/2001' });
    expect(r.problems.map((p) => p.path)).toEqual(['firstName', 'lastName', 'dateOfBirth', 'email', 'zip']);
  });

  it('reads two-digit years as the most recent past century', () => {
    expect(normaliseDate('1/2/45')).toBe('1945-01-02');
    expect(normaliseDate('12/31/99')).toBe('1999-12-31');
    expect(normaliseDate('2026-01-02')).toBe('2026-01-02');
  });
});

describe('FieldMemo', () => {
  const leads = [
    { firstName: 'Ann', lastName: 'Lee', state: 'fl', dateOfBirth: '4/2/1955', zip: '1' },
    { firstName: 'Ann', lastName: 'Lee', state: 'FL', dateOfBirth: '4/2/1955', zip: '33602' },
    { firstName: ' Ann ', lastName: 'Lee', state: 'ZZ', dateOfBirth: '2999-01-01', email: 'x' },
    { firstName: 'Bo', lastName: 'Lee', state: 'fl', dateOfBirth: '13/45/2001', zip: '1' },
  ];

  it('gives exactly the results of validating without it, values and problems alike', () => {
    const memo = new FieldMemo();
    for (let round = 0; round < 2; round++)
      for (const raw of leads) expect(validateLead(raw, memo)).toEqual(validateLead(raw));
  });

  it('stays right when it is full (it stops remembering, it does not forget)', () => {
    const memo = new FieldMemo(1);
    for (const raw of [...leads, ...leads]) expect(validateLead(raw, memo)).toEqual(validateLead(raw));
  });
});
