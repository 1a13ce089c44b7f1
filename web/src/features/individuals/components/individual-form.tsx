import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormSection } from '../../../components/form-section';
import { PersonRecordForm } from '../../../components/records/person-record-form';
import { badInputErrors } from '../../../lib/bad-input';
import { applyProblemToForm } from '../../../lib/form-errors';
import { fullName } from '../../../lib/format';
import { isApiError } from '../../../lib/problem';
import {
  type CustomValues,
  customPayload,
  customValuesOf,
  fromText,
  PERSON_DATE_KEYS,
  PERSON_KEYS,
  type PersonValues,
  personValuesOf,
  validateCustom,
} from '../../../lib/record-fields';
import type { Individual } from '../api/get-individual';
import { type IndividualPatch, useUpdateIndividual } from '../api/update-individual';
import type { ClientLookups } from './use-client-lookups';

type Values = PersonValues & { servicingAgentId: string | null; customFields: CustomValues };

const valuesOf = (i: Individual, lookups: ClientLookups): Values => ({
  ...personValuesOf(i),
  servicingAgentId: i.servicingAgentId,
  customFields: customValuesOf(lookups.customFields, i.customFields),
});

/** A client's details (and Servicing Agent); only what changed is saved. Ctrl/⌘+S saves. */
export function IndividualForm({
  individual,
  lookups,
  readOnly,
}: {
  individual: Individual;
  lookups: ClientLookups;
  readOnly: boolean;
}) {
  const update = useUpdateIndividual();
  const defs = lookups.customFields;
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(() => valuesOf(individual, lookups));
  const form = useForm<Values>({
    initialValues: saved,
    validate: (v) => ({
      firstName: v.firstName?.trim() ? null : 'First name is required.',
      lastName: v.lastName?.trim() ? null : 'Last name is required.',
      ...badInputErrors(v, PERSON_DATE_KEYS),
      ...validateCustom(defs, v.customFields),
    }),
  });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const patch: Record<string, unknown> = {};
    for (const k of PERSON_KEYS) if (fromText(v[k]) !== fromText(saved[k])) patch[k] = fromText(v[k]);
    if (v.servicingAgentId !== saved.servicingAgentId) patch.servicingAgentId = v.servicingAgentId;
    const next = customPayload(defs, v.customFields);
    const prev = customPayload(defs, saved.customFields);
    const changed = Object.fromEntries(Object.entries(next).filter(([k, val]) => prev[k] !== val));
    if (Object.keys(changed).length) patch.customFields = changed;
    if (Object.keys(patch).length === 0) {
      form.resetDirty();
      return;
    }
    update.mutate(
      { id: individual.id, patch: patch as IndividualPatch },
      {
        onSuccess: (fresh) => {
          const values = valuesOf(fresh, lookups);
          setSaved(values);
          form.setValues(values);
          form.resetDirty(values);
          notifications.show({
            color: 'green',
            title: 'Client saved',
            message: `${fullName(fresh)}’s changes are saved.`,
          });
        },
        onError: (error) => {
          const unplaced = applyProblemToForm(form, error);
          setFormError(unplaced ?? (isApiError(error) && error.status !== 400 ? error.problem.detail : null));
        },
      },
    );
  });
  const field = (path: string, options?: { type?: 'input' | 'checkbox' }) =>
    form.getInputProps(path, options);

  return (
    <PersonRecordForm
      label="Client information"
      onSubmit={submit}
      field={field}
      defs={defs}
      readOnly={readOnly}
      dirty={form.isDirty()}
      isDirty={() => form.isDirty()}
      saving={update.isPending}
      error={formError}
      errorTitle="Could not save the client"
      submitLabel="Save changes"
      onDiscard={() => {
        form.setValues(saved);
        form.resetDirty(saved);
        form.clearErrors();
        setFormError(null);
      }}
      before={
        <FormSection title="Servicing" description="The agent who services this client’s policies.">
          {lookups.agentOptions && !readOnly ? (
            <Select
              label="Servicing agent"
              clearable
              searchable
              data={
                saved.servicingAgentId &&
                !lookups.agentOptions.some((o) => o.value === saved.servicingAgentId)
                  ? [
                      {
                        value: saved.servicingAgentId,
                        label:
                          (saved.servicingAgentId === individual.servicingAgentId
                            ? individual.servicingAgentName
                            : null) ??
                          lookups.agentName(saved.servicingAgentId) ??
                          '',
                      },
                      ...lookups.agentOptions,
                    ]
                  : lookups.agentOptions
              }
              nothingFoundMessage="No matching agent"
              {...field('servicingAgentId')}
            />
          ) : (
            <TextInput
              label="Servicing agent"
              readOnly
              value={
                individual.servicingAgentName ?? lookups.agentName(individual.servicingAgentId) ?? 'None'
              }
            />
          )}
        </FormSection>
      }
    />
  );
}
