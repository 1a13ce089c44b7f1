import { describe, expect, it } from 'vitest';
import { toE164 } from './phone.ts';

describe('toE164', () => {
  it.each([
    ['(555) 201-3344', '+15552013344'],
    ['555.201.3344', '+15552013344'],
    ['1-555-201-3344', '+15552013344'],
    ['+1 555 201 3344', '+15552013344'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (input, out) => expect(toE164(input)).toBe(out));

  it.each(['', '123', '055-201-3344', '555-101-3344', 'call me', '+0 123', '555201334455'])(
    'rejects %s',
    (input) => expect(toE164(input)).toBeNull(),
  );
});
