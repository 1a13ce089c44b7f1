import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../../lib/errors.ts';
import { normaliseDate, RowValidator, validateLead } from './lead-fields.ts';

describe('lead field validation', () => {
  it('normalises a good lead', () => {
    expect(
      validateLead({
        firstName: ' Ann ',
        lastName: 'Lee',
        phone: '(312) 201-3344',
        dateOfBirth: '4/2/1955',
        medicareNumber: '1eg4-te5-mk73',
        state: 'fl',
        gender: 'Female',
      }),
    ).toEqual({
      values: {
        firstName: 'Ann',
        lastName: 'Lee',
        phone: '+13122013344',
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

describe('RowValidator', () => {
  const leads = [
    { firstName: 'Ann', lastName: 'Lee', state: 'fl', dateOfBirth: '4/2/1955', zip: '1' },
    { firstName: 'Ann', lastName: 'Lee', state: 'FL', dateOfBirth: '4/2/1955', zip: '33602' },
    { firstName: ' Ann ', lastName: 'Lee', state: 'ZZ', dateOfBirth: '2999-01-01', email: 'x' },
    { firstName: 'Bo', lastName: 'Lee', state: 'fl', dateOfBirth: '13/45/2001', zip: '1' },
    { lastName: 'Lee', email: 'Bo@Example.com ' },
  ];
  // A file's columns in its own order, one of them not a lead field.
  const targets = ['zip', 'note', 'state', 'lastName', 'email', 'firstName', 'dateOfBirth'];
  const cells = (raw: Record<string, string | undefined>) => targets.map((t) => raw[t] ?? '');
  const check = (v: RowValidator, raw: Record<string, string | undefined>) => {
    const problems: FieldProblem[] = [];
    return { values: v.validate(cells(raw), problems), problems };
  };

  it('gives exactly what validateLead gives, values and problems in the same order, again and again', () => {
    const v = new RowValidator(targets);
    for (let round = 0; round < 2; round++)
      for (const raw of leads) expect(check(v, raw)).toEqual(validateLead(raw));
  });

  it('stays right when it is full (it stops remembering, it does not forget)', () => {
    const v = new RowValidator(targets, 1);
    for (const raw of [...leads, ...leads]) expect(check(v, raw)).toEqual(validateLead(raw));
  });

  it('reports a required field that no column maps to on every row', () => {
    const problems: FieldProblem[] = [];
    expect(new RowValidator(['lastName']).validate(['Lee'], problems)).toEqual({ lastName: 'Lee' });
    expect(problems).toEqual([{ path: 'firstName', message: 'Required.' }]);
  });
});
