import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type PolicyInput, useSavePolicy } from '../../lib/attachments/save-policy';
import { badInputErrors } from '../../lib/bad-input';
import { applyProblemToForm } from '../../lib/form-errors';
import type { Policy, PolicyStatus, RecordOwner } from '../../lib/queries/attachments';
import type { CustomField } from '../../lib/queries/custom-fields';
import {
  type CustomValues,
  customPayload,
  customValuesOf,
  fromText,
  validateCustom,
} from '../../lib/record-fields';
import { DateField } from '../date-field';
import { ErrorAlert } from '../feedback';
import { CustomFieldInputs } from './custom-field-inputs';
import { NOT_SET, RENEWAL_OPTIONS } from './renewal-options';

export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  quoted: 'Quoted',
  pending: 'Pending',
  active: 'Active',
  declined: 'Declined',
  cancelled: 'Cancelled',
};
const STATUS_OPTIONS = (Object.keys(POLICY_STATUS_LABELS) as PolicyStatus[]).map((value) => ({
  value,
  label: POLICY_STATUS_LABELS[value],
}));

type Values = {
  carrier: string;
  product: string;
  coverageType: string;
  premium: string;
  effectiveDate: string;
  renewalCycle: string;
  status: PolicyStatus;
  customFields: CustomValues;
};

const valuesOf = (p: Policy | null, defs: CustomField[]): Values => ({
  carrier: p?.carrier ?? '',
  product: p?.product ?? '',
  coverageType: p?.coverageType ?? '',
  premium: p?.premium ?? '',
  effectiveDate: p?.effectiveDate ?? '',
  renewalCycle: p?.renewalCycle ?? NOT_SET,
  status: p?.status ?? 'quoted',
  customFields: customValuesOf(defs, p?.customFields ?? null),
});

/** Add a policy to a record, or edit one (`policy`). */
export function PolicyDialog({
  owner,
  opened,
  policy,
  customFields,
  onClose,
  onSaved,
}: {
  owner: RecordOwner;
  opened: boolean;
  policy: Policy | null;
  customFields: CustomField[];
  onClose: () => void;
  onSaved?: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={policy ? 'Edit policy' : 'Add policy'} size="lg">
      {opened ? (
        <PolicyForm
          key={policy?.id ?? 'new'}
          owner={owner}
          policy={policy}
          defs={customFields}
          onDone={() => {
            onSaved?.();
            onClose();
          }}
          onCancel={onClose}
        />
      ) : null}
    </Modal>
  );
}

function PolicyForm({
  owner,
  policy,
  defs,
  onDone,
  onCancel,
}: {
  owner: RecordOwner;
  policy: Policy | null;
  defs: CustomField[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const save = useSavePolicy(owner);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(policy, defs),
    validate: (v) => ({
      carrier: v.carrier.trim() ? null : 'The carrier is required.',
      product: v.product.trim() ? null : 'The product is required.',
      premium:
        !v.premium.trim() || /^\$?\s*[\d,]{1,13}(\.\d{1,2})?$/.test(v.premium.trim())
          ? null
          : 'Enter an amount such as 129.50.',
      ...badInputErrors(v, ['effectiveDate']),
      ...validateCustom(defs, v.customFields),
    }),
  });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const input: PolicyInput = {
      carrier: v.carrier.trim(),
      product: v.product.trim(),
      coverageType: fromText(v.coverageType),
      premium: fromText(v.premium),
      effectiveDate: fromText(v.effectiveDate),
      renewalCycle: v.renewalCycle === NOT_SET ? null : (v.renewalCycle as PolicyInput['renewalCycle']),
      status: v.status,
      ...(defs.length ? { customFields: customPayload(defs, v.customFields) } : {}),
    };
    save.mutate(
      { ...(policy ? { id: policy.id } : {}), input },
      { onSuccess: onDone, onError: (error) => setFormError(applyProblemToForm(form, error)) },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the policy">{formError}</ErrorAlert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Carrier"
            required
            data-autofocus
            maxLength={100}
            {...form.getInputProps('carrier')}
          />
          <TextInput label="Product" required maxLength={100} {...form.getInputProps('product')} />
          <TextInput
            label="Coverage type"
            placeholder="e.g. Medicare Advantage"
            maxLength={100}
            {...form.getInputProps('coverageType')}
          />
          <Select
            label="Status"
            data={STATUS_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <TextInput
            label="Premium"
            description="Monthly, in US dollars"
            inputMode="decimal"
            leftSection="$"
            {...form.getInputProps('premium')}
          />
          <DateField label="Effective date" {...form.getInputProps('effectiveDate')} />
          <Select
            label="Renews"
            description="For the renewal date on the Information tab"
            data={RENEWAL_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('renewalCycle')}
          />
        </SimpleGrid>
        {defs.length ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CustomFieldInputs defs={defs} field={(p, o) => form.getInputProps(p, o)} />
          </SimpleGrid>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {policy ? 'Save policy' : 'Add policy'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
