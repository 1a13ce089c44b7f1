import { describe, expect, it } from 'vitest';
import { parsePersonQuery } from './person-search.ts';

describe('parsePersonQuery', () => {
  it('reads 4 or more digits in any formatting as the end of a phone number (reversed)', () => {
    expect(parsePersonQuery('3344')).toEqual({ kind: 'phoneSuffix', reversedDigits: '4433' });
    expect(parsePersonQuery('(201) 33-44')).toEqual({ kind: 'phoneSuffix', reversedDigits: '4433102' });
    expect(parsePersonQuery('201.3344')).toEqual({ kind: 'phoneSuffix', reversedDigits: '4433102' });
  });
  it('does not read 3 digits as a phone', () => {
    expect(parsePersonQuery('344')).toEqual({ kind: 'name', words: ['344'], email: '344' });
    expect(parsePersonQuery('3-44')?.kind).toBe('name');
  });
  it('reads a whole number as one phone', () => {
    expect(parsePersonQuery('(312) 201-3344')).toEqual({ kind: 'phone', phone: '+13122013344' });
  });
  it('reads a word with a digit, dot, underscore, plus or hyphen as a name and an email prefix', () => {
    expect(parsePersonQuery('Dorothy.Johnson58')).toEqual({
      kind: 'name',
      words: ['dorothy.johnson58'],
      email: 'dorothy.johnson58',
    });
    expect(parsePersonQuery('d_j')).toEqual({ kind: 'name', words: ['dj'], email: 'd_j' });
    expect(parsePersonQuery('dorothy')).toEqual({ kind: 'name', words: ['dorothy'] });
    expect(parsePersonQuery('Dorothy.J@Ex')).toEqual({ kind: 'email', prefix: 'dorothy.j@ex' });
  });
});
