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

/**
 * Pure: validate one lead's raw text values field by field, reporting every problem (with the
 * field key) and returning the normalised values (E.164 phones, ISO dates, MBI without dashes).
 */
export function validateLead(raw: Record<string, string | undefined>): {
  values: LeadValues;
  problems: FieldProblem[];
} {
  const values: LeadValues = {};
  const problems: FieldProblem[] = [];
  for (const f of LEAD_FIELDS) {
    let v = raw[f.key]?.trim() ?? '';
    if (v === '') {
      if ('required' in f && f.required) problems.push({ path: f.key, message: 'Required.' });
      continue;
    }
    if (DATE_KEYS.has(f.key)) v = normaliseDate(v);
    if (f.key === 'gender') v = v.toLowerCase();
    const schema = SalesRecordFields[f.key] as z.ZodType;
    const r = schema.safeParse(v);
    if (r.success) values[f.key] = r.data as string;
    else problems.push({ path: f.key, message: r.error.issues[0]?.message ?? 'Invalid.' });
  }
  return { values, problems };
}
