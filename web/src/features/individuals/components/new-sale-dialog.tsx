import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert, Loading, QueryError } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { fullName } from '../../../lib/format';
import { type AssignableUser, useAssignableUsers } from '../../../lib/queries/assignable-users';
import { type RecordType, useRecordTypes } from '../../../lib/queries/record-types';
import { fromText } from '../../../lib/record-fields';
import { canOnRecordType, useMe } from '../../../lib/session';
import { useCreateSale } from '../api/create-sale';
import type { Individual } from '../api/get-individual';

type Values = {
  recordTypeId: string | null;
  statusId: string | null;
  assignedUserId: string | null;
  coverageType: string;
  carrier: string;
  product: string;
  leadSource: string;
};

/** "New sale": a Sales Record for this client, which merges back into them when it converts. */
export function NewSaleDialog({
  individual,
  opened,
  onClose,
}: {
  individual: Individual;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New sale" size="lg">
      {opened ? <NewSaleForm individual={individual} onCancel={onClose} /> : null}
    </Modal>
  );
}

function NewSaleForm({ individual, onCancel }: { individual: Individual; onCancel: () => void }) {
  const me = useMe();
  const recordTypes = useRecordTypes();
  const users = useAssignableUsers();
  if (recordTypes.isError) return <QueryError error={recordTypes.error} />;
  if (users.isError) return <QueryError error={users.error} />;
  if (!recordTypes.data || !users.data) return <Loading label="Loading record types…" />;
  return (
    <NewSaleFields
      individual={individual}
      types={recordTypes.data.filter((t) => canOnRecordType(me, 'add', t.id))}
      users={users.data}
      onCancel={onCancel}
    />
  );
}

function NewSaleFields({
  individual,
  types,
  users,
  onCancel,
}: {
  individual: Individual;
  types: RecordType[];
  users: AssignableUser[];
  onCancel: () => void;
}) {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateSale();
  const [formError, setFormError] = useState<string | null>(null);
  const first = types.find((t) => t.isDefault) ?? types[0];
  const form = useForm<Values>({
    initialValues: {
      recordTypeId: first?.id ?? null,
      statusId: first?.statuses[0]?.id ?? null,
      assignedUserId: users.some((u) => u.id === me.id) ? me.id : null,
      coverageType: '',
      carrier: '',
      product: '',
      leadSource: '',
    },
    validate: { recordTypeId: (v) => (v ? null : 'Choose a record type.') },
  });
  const values = form.getValues();
  const type = types.find((t) => t.id === values.recordTypeId);

  const submit = form.onSubmit((v) => {
    setFormError(null);
    create.mutate(
      {
        individualId: individual.id,
        input: {
          ...(v.recordTypeId ? { recordTypeId: v.recordTypeId } : {}),
          ...(v.statusId ? { statusId: v.statusId } : {}),
          ...(v.assignedUserId ? { assignedUserId: v.assignedUserId } : {}),
          coverageType: fromText(v.coverageType),
          carrier: fromText(v.carrier),
          product: fromText(v.product),
          leadSource: fromText(v.leadSource),
        },
      },
      {
        onSuccess: (record) => {
          notifications.show({
            color: 'green',
            title: 'Sale started',
            message: `A Sales Record for ${fullName(record)} was created.`,
          });
          void navigate({ to: '/leads/$id', params: { id: record.id } });
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not start the sale">{formError}</ErrorAlert> : null}
        <Text size="sm">
          A Sales Record for {fullName(individual)} with their details. When it is closed won and converted,
          it merges back into this client.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Record type"
            required
            allowDeselect={false}
            data={types.map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('recordTypeId')}
            onChange={(id) => {
              form.setFieldValue('recordTypeId', id);
              form.setFieldValue('statusId', types.find((t) => t.id === id)?.statuses[0]?.id ?? null);
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Status"
            allowDeselect={false}
            data={(type?.statuses ?? []).map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps('statusId')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Assigned user"
            clearable
            searchable
            data={users.map((u) => ({ value: u.id, label: fullName(u) }))}
            {...form.getInputProps('assignedUserId')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="Coverage type" maxLength={100} {...form.getInputProps('coverageType')} />
          <TextInput label="Carrier" maxLength={100} {...form.getInputProps('carrier')} />
          <TextInput label="Product" maxLength={100} {...form.getInputProps('product')} />
          <TextInput label="Lead source" maxLength={100} {...form.getInputProps('leadSource')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Start the sale
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
