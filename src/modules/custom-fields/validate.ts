import type { FieldProblem } from '../../lib/errors.ts';
import type { CustomFieldType } from './schema.ts';

export type FieldDef = {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
};
export type CustomValues = Record<string, string | number | boolean | null>;

/**
 * Pure: check custom field values against the account's definitions. Unknown keys, wrong types,
 * pick-list values not offered, and (on create) missing required fields are all reported at once.
 * Returns the normalised values (numbers from numeric strings, trimmed text).
 */
export function validateCustomValues(
  defs: FieldDef[],
  values: Record<string, unknown> | undefined,
  opts: { creating: boolean },
): { values: CustomValues; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const out: CustomValues = {};
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const [key, raw] of Object.entries(values ?? {})) {
    const def = byKey.get(key);
    const path = `customFields.${key}`;
    if (!def) {
      problems.push({ path, message: 'No such custom field.' });
      continue;
    }
    if (raw === null || raw === '') {
      if (def.required) problems.push({ path, message: `${def.label} is required.` });
      else out[key] = null;
      continue;
    }
    switch (def.type) {
      case 'text':
        if (typeof raw !== 'string') problems.push({ path, message: 'Must be text.' });
        else if (raw.length > 2000) problems.push({ path, message: 'At most 2000 characters.' });
        else out[key] = raw.trim();
        break;
      case 'number': {
        const n =
          typeof raw === 'number'
            ? raw
            : typeof raw === 'string' && raw.trim() !== ''
              ? Number(raw.replace(/,/g, ''))
              : NaN;
        if (!Number.isFinite(n)) problems.push({ path, message: 'Must be a number.' });
        else out[key] = n;
        break;
      }
      case 'date':
        if (
          typeof raw !== 'string' ||
          !/^\d{4}-\d{2}-\d{2}$/.test(raw) ||
          Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ||
          new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw
        ) {
          problems.push({ path, message: 'Must be a date as YYYY-MM-DD.' });
        } else out[key] = raw;
        break;
      case 'boolean':
        if (typeof raw !== 'boolean') problems.push({ path, message: 'Must be yes (true) or no (false).' });
        else out[key] = raw;
        break;
      case 'picklist':
        if (typeof raw !== 'string' || !def.options.includes(raw))
          problems.push({ path, message: `Must be one of: ${def.options.join(', ')}.` });
        else out[key] = raw;
        break;
    }
  }
  if (opts.creating) {
    for (const d of defs)
      if (d.required && (values?.[d.key] === undefined || values[d.key] === null || values[d.key] === '')) {
        if (!problems.some((p) => p.path === `customFields.${d.key}`))
          problems.push({ path: `customFields.${d.key}`, message: `${d.label} is required.` });
      }
  }
  return { values: out, problems };
}
