import type { CustomField, CustomFieldEntity } from '../../../lib/queries/custom-fields';

export const ENTITY_LABELS: Record<CustomFieldEntity, string> = {
  sales_record: 'Sales Records',
  individual: 'Individuals',
  policy: 'Policies',
};

export const TYPE_LABELS: Record<CustomField['type'], string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes / no',
  picklist: 'Pick list',
};

/** A label as a key: "Plan year" → "plan_year". */
export const keyOf = (label: string): string =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40);
