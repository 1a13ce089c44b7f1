import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { TemperatureBadge } from '../../../components/temperature-badge';
import { applyProblemToForm } from '../../../lib/form-errors';
import type { Account } from '../../../lib/queries/account';
import { useUpdateAccount } from '../api/update-account';

type Periods = Account['temperaturePeriods'];
type Key = keyof Periods;
const KEYS: { key: Key; next: string }[] = [
  { key: 'hot', next: 'warm' },
  { key: 'warm', next: 'cool' },
  { key: 'cool', next: 'cold' },
];
const UNITS = [
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
  { value: 'months', label: 'months' },
];

/** How long a new lead stays hot, then warm, then cool (after that it is cold). */
export function TemperaturePeriodsForm({ account }: { account: Account }) {
  const update = useUpdateAccount();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Periods>({
    initialValues: structuredClone(account.temperaturePeriods),
    validate: Object.fromEntries(
      KEYS.map(({ key }) => [
        key,
        {
          amount: (v: unknown) =>
            Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 365 ? null : 'From 1 to 365.',
        },
      ]),
    ),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(
      { temperaturePeriods: values },
      {
        onSuccess: (saved) => {
          form.setValues(saved.temperaturePeriods);
          form.resetDirty(saved.temperaturePeriods);
          notifications.show({
            color: 'green',
            title: 'Temperatures saved',
            message: 'Lead temperatures follow the new periods.',
          });
        },
        onError: (error) =>
          setFormError(
            applyProblemToForm(
              form,
              error,
              Object.fromEntries(
                KEYS.map(({ key }) => [`temperaturePeriods.${key}.amount`, `${key}.amount`]),
              ),
            ),
          ),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Lead temperature">
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the periods">{formError}</ErrorAlert> : null}
        {KEYS.map(({ key, next }) => (
          <SimpleGrid key={key} cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing={4}>
            <Group gap="xs" mt={{ sm: 28 }}>
              <TemperatureBadge temperature={key} />
              <Text size="sm">then {next}</Text>
            </Group>
            <NumberInput
              label={`${key[0]!.toUpperCase()}${key.slice(1)} for`}
              min={1}
              max={365}
              allowDecimal={false}
              {...form.getInputProps(`${key}.amount`)}
            />
            <Select
              label={`${key[0]!.toUpperCase()}${key.slice(1)} unit`}
              data={UNITS}
              allowDeselect={false}
              {...form.getInputProps(`${key}.unit`)}
            />
          </SimpleGrid>
        ))}
        <Text size="sm" c="dimmed">
          Periods follow each other from the day a lead is created; after the cool period a lead is cold. A
          temperature set by hand on a record overrides this.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save temperatures
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
