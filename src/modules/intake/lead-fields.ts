import type { z } from 'zod';
import type { FieldProblem } from '../../lib/errors.ts';
import { SalesRecordFields } from '../sales-records/index.ts';

/**
 * The documented lead fields, shared by CSV import (by heading, matched exactly) and HTTP POST
 * intake (by key). `Note` columns become notes.
 */
export const LEAD_FIELDS = [
  { key: 'firstName', heading: 'First Name', required: true },
  { key: 'middleName', heading: 'Middle Name' },
  { key: 'lastName', heading: 'Last Name', required: true },
  { key: 'dateOfBirth', heading: 'Date of Birth', hint: 'YYYY-MM-DD or MM/DD/YYYY' },
  { key: 'gender', heading: 'Gender', hint: 'female, male, nonbinary, unknown' },
  { key: 'email', heading: 'Email' },
  { key: 'phone', heading: 'Phone' },
  { key: 'cellPhone', heading: 'Cell Phone' },
  { key: 'street', heading: 'Address' },
  { key: 'city', heading: 'City' },
  { key: 'state', heading: 'State', hint: 'two-letter code' },
  { key: 'zip', heading: 'ZIP' },
  { key: 'county', heading: 'County' },
  { key: 'medicareNumber', heading: 'Medicare Number', hint: 'MBI, 11 characters' },
  { key: 'partADate', heading: 'Part A Date' },
  { key: 'partBDate', heading: 'Part B Date' },
  { key: 'coverageType', heading: 'Coverage Type' },
  { key: 'carrier', heading: 'Carrier' },
  { key: 'product', heading: 'Product' },
  { key: 'leadSource', heading: 'Lead Source' },
  { key: 'leadDate', heading: 'Lead Date' },
] as const satisfies readonly {
  key: keyof typeof SalesRecordFields;
  heading: string;
  required?: boolean;
  hint?: string;
}[];

export type LeadKey = (typeof LEAD_FIELDS)[number]['key'];
export const NOTE_HEADING = 'Note';
export type LeadValues = Partial<Record<LeadKey, string | null>>;

/** US dates (MM/DD/YYYY, M/D/YY) to ISO; anything else is passed through for the schema to judge. */
export function normaliseDate(s: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s.trim());
  if (!m) return s.trim();
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year > new Date().getUTCFullYear() % 100 ? 1900 : 2000;
  return `${year}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

const DATE_KEYS = new Set<LeadKey>(['dateOfBirth', 'partADate', 'partBDate', 'leadDate']);

/** The outcome of checking one field's value: the normalised value, or why it was refused. */
type FieldOutcome = { value: string; message?: undefined } | { value?: undefined; message: string };

function checkField(key: LeadKey, text: string): FieldOutcome {
  let v = text;
  if (DATE_KEYS.has(key)) v = normaliseDate(v);
  if (key === 'gender') v = v.toLowerCase();
  const r = (SalesRecordFields[key] as z.ZodType).safeParse(v);
  return r.success ? { value: r.data as string } : { message: r.error.issues[0]?.message ?? 'Invalid.' };
}

/**
 * Pure: validate one lead's raw text values field by field, reporting every problem (with the
 * field key) and returning the normalised values (E.164 phones, ISO dates, MBI without dashes).
 */
export function validateLead(raw: Record<string, string | undefined>): {
  values: LeadValues;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const values = EVERY_FIELD.validate(
    LEAD_KEYS.map((k) => raw[k] ?? ''),
    problems,
  );
  return { values, problems };
}

/**
 * Validates the rows of one file whose columns are mapped to lead fields (`targets`: per column,
 * a lead field key, or anything else for a column that is not one): validateLead's rules,
 * messages and field order, read straight from a row's cells. Each field remembers the outcome of
 * up to `perField` values it has seen — state, city, ZIP, lead source or dates repeat, and a
 * lookup costs a fraction of a schema check; unique columns such as email stop filling it. One per
 * import run: "not in the future" is judged on the day a value is first seen.
 */
export class RowValidator {
  private readonly fields: {
    column: number;
    key: LeadKey;
    required: boolean;
    seen: Map<string, FieldOutcome>;
  }[] = [];

  constructor(
    targets: readonly string[],
    private readonly perField = 10_000,
  ) {
    for (const f of LEAD_FIELDS) {
      const column = targets.indexOf(f.key);
      const required = 'required' in f && f.required;
      if (column >= 0 || required) this.fields.push({ column, key: f.key, required, seen: new Map() });
    }
  }

  /** A row's normalised values; its problems, if any, are added to `problems`. */
  validate(cells: readonly string[], problems: FieldProblem[]): LeadValues {
    const values: LeadValues = {};
    for (const f of this.fields) {
      const v = f.column < 0 ? '' : (cells[f.column] ?? '').trim();
      if (v === '') {
        if (f.required) problems.push({ path: f.key, message: 'Required.' });
        continue;
      }
      let out = f.seen.get(v);
      if (!out) {
        out = checkField(f.key, v);
        if (f.seen.size < this.perField) f.seen.set(v, out);
      }
      if (out.message === undefined) values[f.key] = out.value;
      else problems.push({ path: f.key, message: out.message });
    }
    return values;
  }
}

const LEAD_KEYS = LEAD_FIELDS.map((f) => f.key);
/** validateLead's validator: every field, remembering nothing (so it holds no state). */
const EVERY_FIELD = new RowValidator(LEAD_KEYS, 0);
