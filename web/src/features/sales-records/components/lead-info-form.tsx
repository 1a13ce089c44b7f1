import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { DateField } from '../../../components/date-field';
import { ErrorAlert } from '../../../components/feedback';
import { FormSection } from '../../../components/form-section';
import { ButtonLink } from '../../../components/links';
import { CustomFieldInputs } from '../../../components/records/custom-field-inputs';
import { PersonFields } from '../../../components/records/person-fields';
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
  const formRef = useRef<HTMLFormElement>(null);
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

  useHotkeys([['mod+S', () => formRef.current?.requestSubmit()]], []);
  const field = (path: string, options?: { type?: 'input' | 'checkbox' }) =>
    form.getInputProps(path, options);
  const dirty = form.isDirty();
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
    <form ref={formRef} onSubmit={submit} noValidate aria-label={record ? 'Lead information' : 'New lead'}>
      <Paper withBorder radius="md">
        <Stack gap="lg" p="lg">
          {formError ? <ErrorAlert title="Could not save the lead">{formError}</ErrorAlert> : null}
          {!record ? (
            <FormSection
              title="Record"
              description="The record type decides the statuses and who may see it."
            >
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
          ) : null}
          <PersonFields field={field} readOnly={readOnly} />
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
          {defs.length ? (
            <FormSection title="More" description="Fields your agency added.">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <CustomFieldInputs defs={defs} field={field} readOnly={readOnly} />
              </SimpleGrid>
            </FormSection>
          ) : null}
        </Stack>
        {readOnly ? null : (
          <Group justify="space-between" className="sticky-actions" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {dirty ? 'Unsaved changes' : record ? 'All changes saved' : ''}
            </Text>
            <Group gap="sm">
              {record ? (
                <Button
                  variant="default"
                  disabled={!dirty || update.isPending}
                  onClick={() => {
                    form.setValues(saved);
                    form.resetDirty(saved);
                    form.clearErrors();
                    setFormError(null);
                  }}
                >
                  Discard changes
                </Button>
              ) : (
                <ButtonLink to="/leads" variant="default">
                  Cancel
                </ButtonLink>
              )}
              <Button
                type="submit"
                loading={create.isPending || update.isPending}
                disabled={record ? !dirty : false}
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                aria-keyshortcuts="Control+S Meta+S"
              >
                {record ? 'Save changes' : 'Create lead'}
              </Button>
            </Group>
          </Group>
        )}
      </Paper>
    </form>
  );
}
