import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type CommissionInput, useSaveCommission } from '../../lib/attachments/save-commission';
import { applyProblemToForm } from '../../lib/form-errors';
import type { RecordOwner } from '../../lib/queries/attachments';
import type { Commission, PolicyCommissions } from '../../lib/queries/commissions';
import { ErrorAlert } from '../feedback';

type Kind = Commission['kind'];
type Basis = Commission['basis'];

export const COMMISSION_KIND_LABELS: Record<Kind, string> = {
  first_year: 'First year',
  renewal: 'Renewal years',
};
const KIND_OPTIONS = (Object.keys(COMMISSION_KIND_LABELS) as Kind[]).map((value) => ({
  value,
  label: COMMISSION_KIND_LABELS[value],
}));
const BASIS_OPTIONS: { value: Basis; label: string }[] = [
  { value: 'percent', label: 'Percentage of the annual premium' },
  { value: 'flat', label: 'Flat amount a year' },
];

type Values = { kind: Kind; basis: Basis; ratePercent: string; amount: string; payer: string };

const trimZeros = (v: string | null) => (v ? v.replace(/\.?0+$/, '') : '');
const valuesOf = (c: Commission | null): Values => ({
  kind: c?.kind ?? 'first_year',
  basis: c?.basis ?? 'percent',
  ratePercent: trimZeros(c?.ratePercent ?? null),
  amount: c?.amount ?? '',
  payer: c?.payer ?? '',
});

/** Add an expected commission to a policy, or edit one (`commission`). */
export function CommissionDialog({
  owner,
  policy,
  commission,
  opened,
  onClose,
  onSaved,
}: {
  owner: RecordOwner;
  policy: PolicyCommissions['policy'] | null;
  commission: Commission | null;
  opened: boolean;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const title = policy
    ? `${commission ? 'Edit' : 'Add'} commission · ${policy.carrier} ${policy.product}`
    : 'Commission';
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {opened && policy ? (
        <CommissionForm
          key={commission?.id ?? 'new'}
          owner={owner}
          policy={policy}
          commission={commission}
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

function CommissionForm({
  owner,
  policy,
  commission,
  onDone,
  onCancel,
}: {
  owner: RecordOwner;
  policy: PolicyCommissions['policy'];
  commission: Commission | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const save = useSaveCommission(owner);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(commission),
    validate: (v) => ({
      ratePercent:
        v.basis !== 'percent'
          ? null
          : /^\d{1,3}(\.\d{1,3})?$/.test(v.ratePercent.replace(/[%\s]/g, '')) &&
              Number(v.ratePercent.replace(/[%\s]/g, '')) > 0 &&
              Number(v.ratePercent.replace(/[%\s]/g, '')) <= 200
            ? null
            : 'Enter a percentage above 0 and at most 200, such as 20 or 87.5.',
      amount:
        v.basis !== 'flat'
          ? null
          : /^\$?\s*[\d,]{1,13}(\.\d{1,2})?$/.test(v.amount.trim())
            ? null
            : 'Enter an amount such as 250.00.',
    }),
  });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const input: CommissionInput = {
      kind: v.kind,
      basis: v.basis,
      ratePercent: v.basis === 'percent' ? v.ratePercent.trim() : null,
      amount: v.basis === 'flat' ? v.amount.trim() : null,
      ...(v.payer.trim() ? { payer: v.payer.trim() } : {}),
    };
    save.mutate(
      { ...(commission ? { id: commission.id } : {}), policyId: policy.id, input },
      { onSuccess: onDone, onError: (error) => setFormError(applyProblemToForm(form, error)) },
    );
  });

  const percent = form.values.basis === 'percent';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the commission">{formError}</ErrorAlert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Paid for"
            data={KIND_OPTIONS}
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('kind')}
          />
          <Select label="Basis" data={BASIS_OPTIONS} allowDeselect={false} {...form.getInputProps('basis')} />
          {percent ? (
            <TextInput
              label="Rate"
              description={
                policy.premium
                  ? `Of the annual premium (12 × $${policy.premium})`
                  : 'Of the annual premium; the policy has no premium yet'
              }
              required
              inputMode="decimal"
              rightSection="%"
              {...form.getInputProps('ratePercent')}
            />
          ) : (
            <TextInput
              label="Amount a year"
              required
              inputMode="decimal"
              leftSection="$"
              {...form.getInputProps('amount')}
            />
          )}
          <TextInput
            label="Paid by"
            description="The carrier, or the FMO/IMO that pays"
            placeholder={policy.carrier}
            maxLength={100}
            {...form.getInputProps('payer')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {commission ? 'Save commission' : 'Add commission'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
