import { badInputErrors } from '../../../lib/bad-input';
import type { CustomField } from '../../../lib/queries/custom-fields';
import {
  type CustomValues,
  customPayload,
  customValuesOf,
  fromText,
  PERSON_DATE_KEYS,
  PERSON_KEYS,
  type PersonValues,
  personValuesOf,
  validateCustom,
} from '../../../lib/record-fields';
import type { CreateSalesRecordInput } from '../api/create-sales-record';
import type { SalesRecord } from '../api/get-sales-record';
import type { SalesRecordPatch } from '../api/update-sales-record';

const SALES_KEYS = ['coverageType', 'carrier', 'product', 'leadSource', 'leadDate'] as const;
/** The temperature picker's "no manual temperature" (the age decides). */
export const AUTOMATIC = 'automatic';
type SalesKey = (typeof SALES_KEYS)[number];
type RecordKey = 'recordTypeId' | 'statusId' | 'assignedUserId' | 'assignedAgentId';

/** The Information tab's values: text for every field ('' or null when empty). */
export type LeadFormValues = PersonValues &
  Record<SalesKey, string | null> &
  Record<RecordKey, string | null> & { manualTemperature: string | null; customFields: CustomValues };

const temperatureOf = (v: LeadFormValues) =>
  v.manualTemperature && v.manualTemperature !== AUTOMATIC ? v.manualTemperature : null;

export function leadValuesOf(record: SalesRecord, defs: CustomField[]): LeadFormValues {
  return {
    ...personValuesOf(record),
    ...(Object.fromEntries(SALES_KEYS.map((k) => [k, record[k] ?? ''])) as Record<SalesKey, string>),
    manualTemperature: record.manualTemperature ?? AUTOMATIC,
    recordTypeId: record.recordTypeId,
    statusId: record.statusId,
    assignedUserId: record.assignedUserId,
    assignedAgentId: record.assignedAgentId,
    customFields: customValuesOf(defs, record.customFields),
  };
}

export function newLeadValues(
  defs: CustomField[],
  defaults: { recordTypeId: string | null; statusId: string | null; assignedUserId: string | null },
): LeadFormValues {
  return {
    ...personValuesOf(null),
    ...(Object.fromEntries(SALES_KEYS.map((k) => [k, ''])) as Record<SalesKey, string>),
    ...defaults,
    manualTemperature: AUTOMATIC,
    assignedAgentId: null,
    customFields: customValuesOf(defs, null),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ZIP = /^\d{5}(-\d{4})?$/;

/** Checks the browser can make at once; the server checks everything again (MBI, phones, dates). */
export function validateLead(
  v: LeadFormValues,
  defs: CustomField[],
  creating: boolean,
): Record<string, string | null> {
  const today = new Date().toISOString().slice(0, 10);
  return {
    firstName: v.firstName?.trim() ? null : 'First name is required.',
    lastName: v.lastName?.trim() ? null : 'Last name is required.',
    email: !v.email?.trim() || EMAIL.test(v.email.trim()) ? null : 'Enter a valid email address.',
    zip: !v.zip?.trim() || ZIP.test(v.zip.trim()) ? null : 'Enter a 5-digit ZIP code, or ZIP+4.',
    dateOfBirth: v.dateOfBirth && v.dateOfBirth > today ? 'Cannot be in the future.' : null,
    recordTypeId: creating && !v.recordTypeId ? 'Choose a record type.' : null,
    ...Object.fromEntries(
      Object.entries(badInputErrors(v, [...PERSON_DATE_KEYS, 'leadDate'])).filter(([, m]) => m),
    ),
    ...validateCustom(defs, v.customFields),
  };
}

export function toCreateInput(v: LeadFormValues, defs: CustomField[]): CreateSalesRecordInput {
  const fields: Record<string, unknown> = {};
  for (const k of [...PERSON_KEYS, ...SALES_KEYS]) {
    const value = fromText(v[k]);
    if (value !== null) fields[k] = value;
  }
  return {
    ...(fields as Partial<CreateSalesRecordInput>),
    firstName: v.firstName?.trim() ?? '',
    lastName: v.lastName?.trim() ?? '',
    ...(temperatureOf(v) ? { manualTemperature: temperatureOf(v) } : {}),
    ...(v.recordTypeId ? { recordTypeId: v.recordTypeId } : {}),
    ...(v.statusId ? { statusId: v.statusId } : {}),
    ...(v.assignedUserId ? { assignedUserId: v.assignedUserId } : {}),
    ...(v.assignedAgentId ? { assignedAgentId: v.assignedAgentId } : {}),
    ...(defs.length ? { customFields: customPayload(defs, v.customFields) } : {}),
  } as CreateSalesRecordInput;
}

/** Only the Information fields that changed since `before` (the header saves type, status, assignees). */
export function toPatch(v: LeadFormValues, before: LeadFormValues, defs: CustomField[]): SalesRecordPatch {
  const patch: Record<string, unknown> = {};
  for (const k of [...PERSON_KEYS, ...SALES_KEYS]) {
    if (fromText(v[k]) !== fromText(before[k])) patch[k] = fromText(v[k]);
  }
  if (temperatureOf(v) !== temperatureOf(before)) patch.manualTemperature = temperatureOf(v);
  const next = customPayload(defs, v.customFields);
  const prev = customPayload(defs, before.customFields);
  const changed = Object.fromEntries(Object.entries(next).filter(([k, val]) => prev[k] !== val));
  if (Object.keys(changed).length) patch.customFields = changed;
  return patch as SalesRecordPatch;
}
