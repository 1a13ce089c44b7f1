import { Select, TextInput } from '@mantine/core';
import type { CustomField } from '../../lib/queries/custom-fields';
import { DateField } from '../date-field';
import type { FieldProps } from './field-props';

const YES_NO = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/** One input per custom field definition, with its type's control; values under `customFields.<key>`. */
export function CustomFieldInputs({
  defs,
  field,
  readOnly = false,
}: {
  defs: CustomField[];
  field: FieldProps;
  readOnly?: boolean;
}) {
  return (
    <>
      {defs.map((d) => {
        const props = {
          label: d.label,
          required: d.required,
          readOnly,
          ...field(`customFields.${d.key}`),
        };
        switch (d.type) {
          case 'picklist':
            return <Select key={d.id} data={d.options} clearable={!d.required} searchable {...props} />;
          case 'boolean':
            return <Select key={d.id} data={YES_NO} clearable={!d.required} {...props} />;
          case 'date':
            return <DateField key={d.id} {...props} />;
          case 'number':
            return <TextInput key={d.id} inputMode="decimal" {...props} />;
          default:
            return <TextInput key={d.id} maxLength={2000} {...props} />;
        }
      })}
    </>
  );
}
