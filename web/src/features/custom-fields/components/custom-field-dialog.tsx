import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import type { CustomField, CustomFieldEntity } from '../../../lib/queries/custom-fields';
import { useCreateCustomField } from '../api/create-custom-field';
import { useUpdateCustomField } from '../api/update-custom-field';
import { ENTITY_LABELS, keyOf, TYPE_LABELS } from './field-types';

type Values = {
  label: string;
  key: string;
  type: CustomField['type'];
  options: string[];
  required: boolean;
  sortOrder: number;
};

/** Define a custom field, or edit one (its key and type are fixed once made). */
export function CustomFieldDialog({
  entity,
  field,
  opened,
  nextOrder,
  onClose,
}: {
  entity: CustomFieldEntity;
  field: CustomField | null;
  opened: boolean;
  nextOrder: number;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={field ? `Edit “${field.label}”` : `New field on ${ENTITY_LABELS[entity]}`}
      size="lg"
    >
      {opened ? (
        <CustomFieldForm
          key={field?.id ?? 'new'}
          entity={entity}
          field={field}
          nextOrder={nextOrder}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function CustomFieldForm({
  entity,
  field,
  nextOrder,
  onDone,
}: {
  entity: CustomFieldEntity;
  field: CustomField | null;
  nextOrder: number;
  onDone: () => void;
}) {
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const [formError, setFormError] = useState<string | null>(null);
  const [keyTouched, setKeyTouched] = useState(Boolean(field));
  const form = useForm<Values>({
    initialValues: {
      label: field?.label ?? '',
      key: field?.key ?? '',
      type: field?.type ?? 'text',
      options: field?.options ?? [],
      required: field?.required ?? false,
      sortOrder: field?.sortOrder ?? nextOrder,
    },
    validate: (v) => ({
      label: v.label.trim() ? null : 'Give the field a label.',
      key: /^[a-z][a-z0-9_]{0,39}$/.test(v.key)
        ? null
        : 'Lower-case letters, digits and underscores, starting with a letter.',
      options: v.type === 'picklist' && v.options.length === 0 ? 'Add at least one option.' : null,
    }),
  });
  const values = form.getValues();

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const onSuccess = () => {
      notifications.show({
        color: 'green',
        title: field ? 'Field saved' : 'Field created',
        message: `“${v.label.trim()}” is on ${ENTITY_LABELS[entity]}.`,
      });
      onDone();
    };
    const onError = (error: unknown) => setFormError(applyProblemToForm(form, error));
    const options = v.type === 'picklist' ? v.options.map((o) => o.trim()).filter(Boolean) : [];
    if (field) {
      update.mutate(
        {
          id: field.id,
          patch: {
            label: v.label.trim(),
            required: v.required,
            sortOrder: v.sortOrder,
            ...(field.type === 'picklist' ? { options } : {}),
          },
        },
        { onSuccess, onError },
      );
    } else {
      create.mutate(
        {
          entity,
          key: v.key,
          label: v.label.trim(),
          type: v.type,
          options,
          required: v.required,
          sortOrder: v.sortOrder,
        },
        { onSuccess, onError },
      );
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the field">{formError}</ErrorAlert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Label"
            required
            data-autofocus
            maxLength={80}
            {...form.getInputProps('label')}
            onChange={(e) => {
              const label = e.currentTarget.value;
              form.setFieldValue('label', label);
              if (!keyTouched) form.setFieldValue('key', keyOf(label));
            }}
          />
          <TextInput
            label="Key"
            description={field ? 'Fixed once created.' : 'Used by the API, imports and filters.'}
            required
            readOnly={Boolean(field)}
            spellCheck={false}
            maxLength={40}
            {...form.getInputProps('key')}
            onChange={(e) => {
              setKeyTouched(true);
              form.setFieldValue('key', e.currentTarget.value);
            }}
          />
          <Select
            label="Type"
            required
            allowDeselect={false}
            disabled={Boolean(field)}
            data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('type')}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label="Order"
            min={0}
            max={1000}
            allowDecimal={false}
            {...form.getInputProps('sortOrder')}
          />
        </SimpleGrid>
        {values.type === 'picklist' ? (
          <TagsInput
            label="Options"
            description="Type an option and press Enter."
            required
            maxTags={100}
            {...form.getInputProps('options')}
          />
        ) : null}
        <Switch
          label="Required"
          description="A new record cannot be saved without it."
          {...form.getInputProps('required', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {field ? 'Save field' : 'Create field'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
