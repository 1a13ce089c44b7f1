import { describe, expect, it } from 'vitest';
import { normaliseDate, validateLead } from './lead-fields.ts';

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
