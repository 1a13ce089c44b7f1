import type { z } from 'zod';
import type { FieldProblem } from '../../lib/errors.ts';
import { SalesRecordFields } from '../sales-records/fields.ts';

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
 * Remembers the outcome of checking each field value seen before, for validating many leads of
 * one file: columns such as state, city, ZIP, lead source, carrier or dates repeat, and a lookup
 * costs a fraction of a schema check. At most `perField` values are kept per field (unique
 * columns such as email stop filling it). Use one per import run: "not in the future" is judged
 * on the day the value is first seen.
 */
export class FieldMemo {
  private readonly seen = new Map<LeadKey, Map<string, FieldOutcome>>();
  constructor(private readonly perField = 10_000) {}

  check(key: LeadKey, text: string): FieldOutcome {
    let m = this.seen.get(key);
    if (!m) this.seen.set(key, (m = new Map()));
    let out = m.get(text);
    if (!out) {
      out = checkField(key, text);
      if (m.size < this.perField) m.set(text, out);
    }
    return out;
  }
}

/**
 * Pure: validate one lead's raw text values field by field, reporting every problem (with the
 * field key) and returning the normalised values (E.164 phones, ISO dates, MBI without dashes).
 * A `memo` (one per file) reuses the outcome for values seen before.
 */
export function validateLead(
  raw: Record<string, string | undefined>,
  memo?: FieldMemo,
): {
  values: LeadValues;
  problems: FieldProblem[];
} {
  const values: LeadValues = {};
  const problems: FieldProblem[] = [];
  for (const f of LEAD_FIELDS) {
    const v = raw[f.key]?.trim() ?? '';
    if (v === '') {
      if ('required' in f && f.required) problems.push({ path: f.key, message: 'Required.' });
      continue;
    }
    const r = memo ? memo.check(f.key, v) : checkField(f.key, v);
    if (r.message === undefined) values[f.key] = r.value;
    else problems.push({ path: f.key, message: r.message });
  }
  return { values, problems };
}
