import { z } from 'zod';

/**
 * Messages a person can read for Zod's generic checks ("Must be at most 100 characters." rather than
 * "Too big: expected string to have <=100 characters"). A schema's own message still wins; this
 * covers every `.max()`, `.min()` and type check written without one. Imported once by the app.
 */
const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'too_big':
        if (issue.origin === 'string')
          return `Must be at most ${plural(issue.maximum, 'character', 'characters')}.`;
        if (issue.origin === 'array' || issue.origin === 'set')
          return `Must have at most ${plural(issue.maximum, 'item', 'items')}.`;
        if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
          return `Must be at most ${issue.maximum}.`;
        return undefined;
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) === 1
            ? 'Required.'
            : `Must be at least ${plural(issue.minimum, 'character', 'characters')}.`;
        if (issue.origin === 'array' || issue.origin === 'set')
          return `Must have at least ${plural(issue.minimum, 'item', 'items')}.`;
        if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
          return `Must be at least ${issue.minimum}.`;
        return undefined;
      case 'invalid_type':
        if (issue.input === undefined) return 'Required.';
        return `Must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}.`;
      default:
        return undefined;
    }
  },
});
