import { describe, expect, it } from 'vitest';
import { matchKeys } from './match-leads.ts';

describe('matchKeys', () => {
  it('lists email, phone, cell and name + date of birth, in that order of preference', () => {
    expect(
      matchKeys({
        firstName: 'Ann',
        lastName: 'Lee',
        email: 'Ann@Example.com',
        phone: '+13120000001',
        cellPhone: '+13120000002',
        dateOfBirth: '1950-01-02',
      }),
    ).toEqual([
      { key: 'e:ann@example.com', on: 'email' },
      { key: 'p:+13120000001', on: 'phone' },
      { key: 'p:+13120000002', on: 'phone' },
      { key: 'n:ann|lee|1950-01-02', on: 'name+dateOfBirth' },
    ]);
  });

  it('keys phone and cell alike (either matches either), once when they are the same number', () => {
    expect(matchKeys({ phone: '+13120000001', cellPhone: '+13120000001' })).toEqual([
      { key: 'p:+13120000001', on: 'phone' },
    ]);
    expect(matchKeys({ cellPhone: '+13120000001' })).toEqual([{ key: 'p:+13120000001', on: 'phone' }]);
  });

  it('needs all of first name, last name and date of birth for the name key', () => {
    expect(matchKeys({ firstName: 'Ann', lastName: 'Lee' })).toEqual([]);
    expect(matchKeys({ firstName: 'Ann', dateOfBirth: '1950-01-02' })).toEqual([]);
    expect(matchKeys({})).toEqual([]);
  });
});
