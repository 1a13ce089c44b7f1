import type { CustomField } from './queries/custom-fields';
import { badInputMessage, isBadInput } from './bad-input';
import { formatPhone } from './format';

/**
 * The person fields Sales Records and Individuals share, as form values (text; '' for empty),
 * and back to API values (null for empty). Custom field values are kept as text in the form too.
 */
export const PERSON_KEYS = [
  'firstName',
  'middleName',
  'lastName',
  'dateOfBirth',
  'gender',
  'email',
  'phone',
  'cellPhone',
  'street',
  'city',
  'state',
  'zip',
  'county',
  'medicareNumber',
  'partADate',
  'partBDate',
] as const;
export type PersonKey = (typeof PERSON_KEYS)[number];
/** The longest value the server accepts for each typed person field (its Zod `.max`). */
export const PERSON_MAX_LENGTH: Partial<Record<PersonKey, number>> = {
  firstName: 100,
  middleName: 100,
  lastName: 100,
  email: 254,
  phone: 40,
  cellPhone: 40,
  street: 200,
  city: 100,
  zip: 10,
  county: 100,
  medicareNumber: 20,
};
/** The person fields typed in a date picker. */
export const PERSON_DATE_KEYS = ['dateOfBirth', 'partADate', 'partBDate'] as const;
/** Text, or null where a select was cleared. */
export type PersonValues = Record<PersonKey, string | null>;
export type CustomValues = Record<string, string | null>;

export const GENDER_OPTIONS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'nonbinary', label: 'Non-binary' },
  { value: 'unknown', label: 'Unknown' },
];

export const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  email: 'Email',
  phone: 'Phone',
  cellPhone: 'Cell phone',
  street: 'Street address',
  city: 'City',
  state: 'State',
  zip: 'ZIP',
  county: 'County',
  medicareNumber: 'Medicare number (MBI)',
  partADate: 'Part A date',
  partBDate: 'Part B date',
  coverageType: 'Coverage type',
  carrier: 'Carrier',
  product: 'Product',
  leadSource: 'Lead source',
  leadDate: 'Lead date',
  manualTemperature: 'Temperature (manual)',
  assignedUserId: 'Assigned user',
  assignedAgentId: 'Agent',
  recordTypeId: 'Record type',
  statusId: 'Status',
  customFields: 'Custom fields',
  servicingAgentId: 'Servicing agent',
};

export const US_STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP'.split(
    ' ',
  );

const PHONE_KEYS = new Set<string>(['phone', 'cellPhone']);

/** API value → form text (phones shown formatted). */
export const toText = (key: string, value: unknown): string =>
  value === null || value === undefined
    ? ''
    : PHONE_KEYS.has(key)
      ? formatPhone(String(value))
      : String(value);

/** Fields picked from a list: null when empty (a select shows its placeholder). */
const SELECT_KEYS = new Set<string>(['gender', 'state']);

export function personValuesOf(record: Partial<Record<PersonKey, string | null>> | null): PersonValues {
  return Object.fromEntries(
    PERSON_KEYS.map((k) => [k, SELECT_KEYS.has(k) ? (record?.[k] ?? null) : toText(k, record?.[k])]),
  ) as PersonValues;
}

/** Form text → API value: trimmed, '' → null. */
export const fromText = (value: string | null | undefined): string | null => value?.trim() || null;

export function customValuesOf(defs: CustomField[], values: Record<string, unknown> | null): CustomValues {
  return Object.fromEntries(
    defs.map((d) => {
      const v = values?.[d.key];
      const empty = d.type === 'picklist' || d.type === 'boolean' ? null : '';
      return [d.key, v === null || v === undefined ? empty : String(v)];
    }),
  );
}

/** Custom field text → typed API values (numbers, yes/no as booleans, '' → null). */
export function customPayload(
  defs: CustomField[],
  values: CustomValues,
): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const d of defs) {
    const raw = (values[d.key] ?? '').trim();
    if (raw === '') out[d.key] = null;
    else if (d.type === 'number')
      out[d.key] = Number.isFinite(Number(raw.replace(/,/g, ''))) ? Number(raw.replace(/,/g, '')) : raw;
    else if (d.type === 'boolean') out[d.key] = raw === 'true';
    else out[d.key] = raw;
  }
  return out;
}

/** Custom field values a person reads ("Yes", "No", as they are otherwise). */
export function describeCustomValue(def: CustomField | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (def?.type === 'boolean' || typeof value === 'boolean')
    return value === true || value === 'true' ? 'Yes' : 'No';
  return String(value);
}

/** Check the browser can make before asking the server: required custom fields. */
export function validateCustom(defs: CustomField[], values: CustomValues): Record<string, string | null> {
  return Object.fromEntries(
    defs.map((d) => {
      const v = (values[d.key] ?? '').trim();
      const path = `customFields.${d.key}`;
      if (d.type === 'date' && isBadInput(values[d.key])) return [path, badInputMessage('date')];
      if (d.required && v === '') return [path, `${d.label} is required.`];
      if (v !== '' && d.type === 'number' && !Number.isFinite(Number(v.replace(/,/g, ''))))
        return [path, 'Must be a number.'];
      return [path, null];
    }),
  );
}
