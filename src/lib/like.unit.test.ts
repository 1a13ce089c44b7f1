import { describe, expect, it } from 'vitest';
import { escapeLike } from './like.ts';

describe('escapeLike', () => {
  it('escapes the wildcards and the escape character, and nothing else', () => {
    expect(escapeLike('%')).toBe('\\%');
    expect(escapeLike('_')).toBe('\\_');
    expect(escapeLike('a\\b')).toBe('a\\\\b');
    expect(escapeLike('50%_off')).toBe('50\\%\\_off');
    expect(escapeLike('Ann Lee')).toBe('Ann Lee');
  });
});
