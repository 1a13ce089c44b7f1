import { Button, Group, Radio, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import type { Account } from '../../../lib/queries/account';
import type { RecordType } from '../../../lib/queries/record-types';
import { type LeadIntakeSettings, useUpdateLeadIntake } from '../api/update-lead-intake';

const DEFAULT_TYPE = '__default__';
type Values = {
  target: LeadIntakeSettings['target'];
  duplicates: LeadIntakeSettings['duplicates'];
  recordTypeId: string;
};

/** What a posted lead becomes, and what happens when it matches an existing record. */
export function LeadIntakeForm({ account, recordTypes }: { account: Account; recordTypes: RecordType[] }) {
  const update = useUpdateLeadIntake();
  const [formError, setFormError] = useState<string | null>(null);
  const valuesOf = (a: Account): Values => ({
    target: a.leadIntake.target,
    duplicates: a.leadIntake.duplicates,
    recordTypeId: a.leadIntake.recordTypeId ?? DEFAULT_TYPE,
  });
  const form = useForm<Values>({ initialValues: valuesOf(account) });
  const values = form.getValues();
  const defaultType = recordTypes.find((t) => t.isDefault);

  const submit = form.onSubmit((v) => {
    setFormError(null);
    update.mutate(
      {
        target: v.target,
        duplicates: v.duplicates,
        recordTypeId: v.recordTypeId === DEFAULT_TYPE ? null : v.recordTypeId,
      },
      {
        onSuccess: (saved) => {
          form.setValues(valuesOf(saved));
          form.resetDirty(valuesOf(saved));
          notifications.show({
            color: 'green',
            title: 'Lead intake saved',
            message: 'New posts follow these settings.',
          });
        },
        onError: (error) =>
          setFormError(applyProblemToForm(form, error, { 'leadIntake.recordTypeId': 'recordTypeId' })),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Lead intake settings">
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save">{formError}</ErrorAlert> : null}
        <Radio.Group label="A posted lead creates" {...form.getInputProps('target')}>
          <Stack gap="xs" mt={6}>
            <Radio
              value="sales_record"
              label="A Sales Record (lead)"
              description="Worked in the lead list until sold."
            />
            <Radio
              value="individual"
              label="An Individual (client)"
              description="For vendors that send existing clients."
            />
          </Stack>
        </Radio.Group>
        {values.target === 'sales_record' ? (
          <Select
            label="Record type"
            description="Leads start in this type’s first status."
            allowDeselect={false}
            data={[
              {
                value: DEFAULT_TYPE,
                label: `The account’s default${defaultType ? ` (${defaultType.name})` : ''}`,
              },
              ...recordTypes.map((t) => ({ value: t.id, label: t.name })),
            ]}
            {...form.getInputProps('recordTypeId')}
          />
        ) : null}
        <Radio.Group
          label="When a post matches an existing record"
          description="Matched on email, phone, cell phone, or name with date of birth."
          {...form.getInputProps('duplicates')}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="skip" label="Leave it as it is" description="The post is logged as a duplicate." />
            <Radio
              value="update"
              label="Fill in what it lacks"
              description="Empty fields take the posted values."
            />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
