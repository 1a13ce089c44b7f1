import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { FormSection } from '../form-section';
import { GENDER_OPTIONS, US_STATES } from '../../lib/record-fields';
import type { FieldProps } from './field-props';

/**
 * The person fields of a Sales Record or an Individual: name, birth, contact, address, Medicare.
 * `readOnly` shows them without edit controls (a converted record, or no Edit permission).
 */
export function PersonFields({ field, readOnly = false }: { field: FieldProps; readOnly?: boolean }) {
  const text = (path: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput label={label} autoComplete="off" readOnly={readOnly} {...extra} {...field(path)} />
  );
  return (
    <>
      <FormSection title="Person" description="Name, date of birth and gender.">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text('firstName', 'First name', { required: true })}
          {text('middleName', 'Middle name')}
          {text('lastName', 'Last name', { required: true })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text('dateOfBirth', 'Date of birth', { type: 'date' })}
          <Select
            label="Gender"
            data={GENDER_OPTIONS}
            clearable
            readOnly={readOnly}
            placeholder={readOnly ? undefined : 'Choose'}
            {...field('gender')}
          />
        </SimpleGrid>
      </FormSection>
      <FormSection
        title="Contact"
        description="Phone numbers in any format; they are stored in international form (E.164)."
      >
        {text('email', 'Email', { type: 'email' })}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('phone', 'Phone', { type: 'tel' })}
          {text('cellPhone', 'Cell phone', { type: 'tel' })}
        </SimpleGrid>
      </FormSection>
      <FormSection title="Address">
        {text('street', 'Street address')}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text('city', 'City')}
          <Select
            label="State"
            data={US_STATES}
            searchable
            clearable
            readOnly={readOnly}
            nothingFoundMessage="No such state code"
            {...field('state')}
          />
          {text('zip', 'ZIP')}
        </SimpleGrid>
        {text('county', 'County')}
      </FormSection>
      <FormSection
        title="Medicare"
        description="The Medicare Beneficiary Identifier (11 characters, dashes optional) and Part A/B effective dates."
      >
        {text('medicareNumber', 'Medicare number (MBI)', { spellCheck: false })}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('partADate', 'Part A date', { type: 'date' })}
          {text('partBDate', 'Part B date', { type: 'date' })}
        </SimpleGrid>
      </FormSection>
    </>
  );
}
