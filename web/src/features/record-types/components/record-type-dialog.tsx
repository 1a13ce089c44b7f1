import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import type { RecordType } from '../../../lib/queries/record-types';
import { useCreateRecordType } from '../api/create-record-type';
import { useUpdateRecordType } from '../api/update-record-type';
import {
  type RecordTypeValues,
  recordTypeValues,
  statusesInput,
  validateRecordType,
} from './record-type-values';
import { StatusesEditor } from './statuses-editor';

/** Create a record type (placed after the others) or edit one (`recordType`). */
export function RecordTypeDialog({
  opened,
  recordType,
  nextSortOrder,
  onClose,
}: {
  opened: boolean;
  recordType: RecordType | null;
  nextSortOrder: number;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={recordType ? `Edit ${recordType.name}` : 'New record type'}
      size="xl"
    >
      {opened ? (
        <RecordTypeForm
          key={recordType?.id ?? 'new'}
          recordType={recordType}
          nextSortOrder={nextSortOrder}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function RecordTypeForm({
  recordType,
  nextSortOrder,
  onDone,
}: {
  recordType: RecordType | null;
  nextSortOrder: number;
  onDone: () => void;
}) {
  const create = useCreateRecordType();
  const update = useUpdateRecordType();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RecordTypeValues>({
    initialValues: recordTypeValues(recordType),
    validate: validateRecordType,
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = {
      name: values.name.trim(),
      description: values.description.trim(),
      statuses: statusesInput(values),
    };
    const onSuccess = () => {
      notifications.show({
        color: 'green',
        title: recordType ? 'Record type saved' : 'Record type created',
        message: `“${body.name}” has ${body.statuses.length === 1 ? '1 status' : `${body.statuses.length} statuses`}.`,
      });
      onDone();
    };
    const onError = (error: unknown) => setFormError(applyProblemToForm(form, error));
    if (recordType) update.mutate({ id: recordType.id, patch: body }, { onSuccess, onError });
    else create.mutate({ ...body, sortOrder: nextSortOrder }, { onSuccess, onError });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the record type">{formError}</ErrorAlert> : null}
        <TextInput label="Name" required maxLength={60} data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          description="What records of this type are for."
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps('description')}
        />
        <StatusesEditor form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {recordType ? 'Save record type' : 'Create record type'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
