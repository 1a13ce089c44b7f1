import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone';

describe('formatPhone', () => {
  it.each([
    ['+13122013344', '(312) 201-3344'],
    ['+14165550123', '(416) 555-0123'],
    ['+442079460958', '+44 20 7946 0958'],
    ['+447911123456', '+44 7911 123456'],
    ['+4930901820', '+49 30 901820'],
    ['not a number', 'not a number'],
    [null, ''],
    ['', ''],
  ])('%s → %s', (input, out) => expect(formatPhone(input)).toBe(out));
});
