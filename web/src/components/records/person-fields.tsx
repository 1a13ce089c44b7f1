import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateField } from '../date-field';
import { FormSection } from '../form-section';
import { GENDER_OPTIONS, PERSON_MAX_LENGTH, type PersonKey, US_STATES } from '../../lib/record-fields';
import type { FieldProps } from './field-props';

/**
 * The person fields of a Sales Record or an Individual: name, birth, contact, address, Medicare.
 * `readOnly` shows them without edit controls (a converted record, or no Edit permission).
 */
export function PersonFields({ field, readOnly = false }: { field: FieldProps; readOnly?: boolean }) {
  const text = (path: PersonKey, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      autoComplete="off"
      readOnly={readOnly}
      maxLength={PERSON_MAX_LENGTH[path]}
      {...extra}
      {...field(path)}
    />
  );
  const date = (path: string, label: string) => (
    <DateField label={label} autoComplete="off" readOnly={readOnly} {...field(path)} />
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
          {date('dateOfBirth', 'Date of birth')}
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
          {date('partADate', 'Part A date')}
          {date('partBDate', 'Part B date')}
        </SimpleGrid>
      </FormSection>
    </>
  );
}
