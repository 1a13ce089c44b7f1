/**
 * A native date or time field (`<input type="date">`, `datetime-local`, `time`) whose text is not a
 * real value (02/30/2026, a half-typed date) reports an empty value to the page. Reading it as
 * "empty" would silently drop what the user typed, so the form holds this marker instead, and
 * validation turns it into a field error.
 */
export const BAD_INPUT = '\u2063invalid';

export const isBadInput = (value: unknown): boolean => value === BAD_INPUT;

const MESSAGES: Record<string, string> = {
  date: 'Not a valid date: check the month, day and year.',
  'datetime-local': 'Not a valid date and time: check every part.',
  time: 'Not a valid time.',
};

export const badInputMessage = (type: string): string => MESSAGES[type] ?? 'Not a valid value.';

/** `{ path: message }` for each of `paths` whose value is the bad-input marker; null for the others. */
export function badInputErrors(
  values: Record<string, unknown>,
  paths: readonly string[],
  type: 'date' | 'datetime-local' | 'time' = 'date',
): Record<string, string | null> {
  return Object.fromEntries(
    paths.map((p) => [p, isBadInput(valueAt(values, p)) ? badInputMessage(type) : null]),
  );
}

function valueAt(values: unknown, path: string): unknown {
  let node = values;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
