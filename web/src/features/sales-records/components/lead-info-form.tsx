import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { DateField } from '../../../components/date-field';
import { FormSection } from '../../../components/form-section';
import { ButtonLink } from '../../../components/links';
import { PersonRecordForm } from '../../../components/records/person-record-form';
import { TEMPERATURE_OPTIONS } from '../../../components/temperature-badge';
import { applyProblemToForm } from '../../../lib/form-errors';
import { fullName } from '../../../lib/format';
import { isApiError } from '../../../lib/problem';
import { canOnRecordType, useMe } from '../../../lib/session';
import { useCreateSalesRecord } from '../api/create-sales-record';
import type { SalesRecord } from '../api/get-sales-record';
import { useUpdateSalesRecord } from '../api/update-sales-record';
import {
  AUTOMATIC,
  type LeadFormValues,
  leadValuesOf,
  newLeadValues,
  toCreateInput,
  toPatch,
  validateLead,
} from './lead-form-values';
import { type LeadLookups, statusOptions } from './use-lead-lookups';

/**
 * The Information tab: every default field and the account's custom fields, in one form. Creating
 * also picks the type, status and assignees; editing sends only what changed. Ctrl/⌘+S saves.
 */
export function LeadInfoForm({
  record,
  lookups,
  readOnly = false,
  onSaved,
}: {
  record?: SalesRecord;
  lookups: LeadLookups;
  readOnly?: boolean;
  onSaved?: () => void;
}) {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateSalesRecord();
  const update = useUpdateSalesRecord();
  const defs = lookups.customFields;
  const [formError, setFormError] = useState<string | null>(null);
  const addableTypes = useMemo(
    () => lookups.recordTypes.filter((t) => canOnRecordType(me, 'add', t.id)),
    [lookups.recordTypes, me],
  );
  const [saved, setSaved] = useState<LeadFormValues>(() => {
    if (record) return leadValuesOf(record, defs);
    const type = addableTypes.find((t) => t.isDefault) ?? addableTypes[0];
    return newLeadValues(defs, {
      recordTypeId: type?.id ?? null,
      statusId: type?.statuses[0]?.id ?? null,
      assignedUserId: lookups.userOptions.some((o) => o.value === me.id) ? me.id : null,
    });
  });
  const form = useForm<LeadFormValues>({
    initialValues: saved,
    validate: (v) => validateLead(v, defs, !record),
  });
  const values = form.getValues();

  const onError = (error: unknown) => {
    const unplaced = applyProblemToForm(form, error);
    setFormError(unplaced ?? (isApiError(error) && error.status !== 400 ? error.problem.detail : null));
  };

  const submit = form.onSubmit((v) => {
    setFormError(null);
    if (!record) {
      create.mutate(toCreateInput(v, defs), {
        onSuccess: (created) => {
          form.resetDirty();
          notifications.show({
            color: 'green',
            title: 'Lead created',
            message: `${fullName(created)} was added.`,
          });
          void navigate({ to: '/leads/$id', params: { id: created.id }, replace: true });
        },
        onError,
      });
      return;
    }
    const patch = toPatch(v, saved, defs);
    if (Object.keys(patch).length === 0) {
      form.resetDirty();
      return;
    }
    update.mutate(
      { id: record.id, patch },
      {
        onSuccess: (next) => {
          const fresh = leadValuesOf(next, defs);
          setSaved(fresh);
          form.setValues(fresh);
          form.resetDirty(fresh);
          notifications.show({
            color: 'green',
            title: 'Lead saved',
            message: `${fullName(next)}’s changes are saved.`,
          });
          onSaved?.();
        },
        onError,
      },
    );
  });

  const field = (path: string, options?: { type?: 'input' | 'checkbox' }) =>
    form.getInputProps(path, options);
  const text = (path: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      autoComplete="off"
      readOnly={readOnly}
      maxLength={100}
      {...extra}
      {...field(path)}
    />
  );

  return (
    <PersonRecordForm
      label={record ? 'Lead information' : 'New lead'}
      onSubmit={submit}
      field={field}
      defs={defs}
      readOnly={readOnly}
      dirty={form.isDirty()}
      isDirty={() => form.isDirty()}
      saving={create.isPending || update.isPending}
      error={formError}
      errorTitle="Could not save the lead"
      submitLabel={record ? 'Save changes' : 'Create lead'}
      onDiscard={() => {
        form.setValues(saved);
        form.resetDirty(saved);
        form.clearErrors();
        setFormError(null);
      }}
      {...(record
        ? {}
        : {
            cancel: (
              <ButtonLink to="/leads" variant="default">
                Cancel
              </ButtonLink>
            ),
          })}
      before={
        record ? null : (
          <FormSection title="Record" description="The record type decides the statuses and who may see it.">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Record type"
                required
                allowDeselect={false}
                data={addableTypes.map((t) => ({ value: t.id, label: t.name }))}
                {...field('recordTypeId')}
                onChange={(id) => {
                  form.setFieldValue('recordTypeId', id);
                  form.setFieldValue('statusId', lookups.typeById.get(id ?? '')?.statuses[0]?.id ?? null);
                }}
              />
              <Select
                label="Status"
                allowDeselect={false}
                data={values.recordTypeId ? statusOptions(lookups.recordTypes, values.recordTypeId) : []}
                {...field('statusId')}
              />
              <Select
                label="Assigned user"
                placeholder="Unassigned"
                clearable
                searchable
                data={lookups.userOptions}
                nothingFoundMessage="No matching user"
                {...field('assignedUserId')}
              />
              {lookups.agentOptions ? (
                <Select
                  label="Agent"
                  placeholder="No agent"
                  clearable
                  searchable
                  data={lookups.agentOptions}
                  nothingFoundMessage="No matching agent"
                  {...field('assignedAgentId')}
                />
              ) : null}
            </SimpleGrid>
          </FormSection>
        )
      }
      after={
        <FormSection title="Sale" description="What is being sold, and where the lead came from.">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {text('coverageType', 'Coverage type', {
              placeholder: readOnly ? undefined : 'e.g. Medicare Advantage',
            })}
            {text('carrier', 'Carrier')}
            {text('product', 'Product')}
            {text('leadSource', 'Lead source')}
            <DateField label="Lead date" autoComplete="off" readOnly={readOnly} {...field('leadDate')} />
            <Select
              label="Temperature"
              description="Automatic follows the lead’s age"
              data={[{ value: AUTOMATIC, label: 'Automatic (by age)' }, ...TEMPERATURE_OPTIONS]}
              allowDeselect={false}
              readOnly={readOnly}
              {...field('manualTemperature')}
            />
          </SimpleGrid>
        </FormSection>
      }
    />
  );
}
