import { describe, expect, it } from 'vitest';
import { Phone, parsePhone, toE164 } from './phone.ts';

describe('toE164', () => {
  it.each([
    ['(312) 201-3344', '+13122013344'],
    ['312.201.3344', '+13122013344'],
    ['312 201 3344', '+13122013344'],
    ['3122013344', '+13122013344'],
    ['1-312-201-3344', '+13122013344'],
    ['+1 312 201 3344', '+13122013344'],
    ['  (212) 555-0199  ', '+12125550199'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 7911 123456', '+447911123456'],
    ['+49 30 901820', '+4930901820'],
    ['+1 (416) 555-0123', '+14165550123'],
  ])('%s → %s', (input, out) => expect(toE164(input)).toBe(out));

  it.each([
    '',
    '123',
    'call me',
    '+0 123',
    // ten digits, but no such North American area code or exchange
    '(555) 201-3344',
    '055-201-3344',
    '312-101-3344',
    // too long for the country
    '312201334455',
    '+44 20 7946 09581',
  ])('rejects %s', (input) => expect(toE164(input)).toBeNull());

  it('reads a national number in another region when asked', () => {
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('020 7946 0958')).toBeNull();
  });
});

describe('parsePhone', () => {
  it('refuses an extension instead of dropping it', () => {
    for (const input of ['312-201-3344 ext. 12', '(312) 201-3344 x12', '+1 312 201 3344;ext=12'])
      expect(parsePhone(input)).toEqual({
        ok: false,
        problem: 'extension',
        message: 'Extensions cannot be stored: enter the number without one.',
      });
  });

  it('names an invalid number as such', () => {
    expect(parsePhone('(555) 201-3344')).toMatchObject({ ok: false, problem: 'invalid' });
  });
});

describe('Phone (request field)', () => {
  it('stores E.164', () => expect(Phone.parse('(312) 201-3344')).toBe('+13122013344'));

  it('gives a field error for an invalid number', () => {
    const r = Phone.safeParse('(555) 201-3344');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      'Must be a valid phone number, e.g. (312) 201-3344 or +44 20 7946 0958.',
    );
  });
});
