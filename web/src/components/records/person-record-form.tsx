import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useRef } from 'react';
import type { CustomField } from '../../lib/queries/custom-fields';
import { ErrorAlert } from '../feedback';
import { FormSection } from '../form-section';
import { CustomFieldInputs } from './custom-field-inputs';
import type { FieldProps } from './field-props';
import { PersonFields } from './person-fields';
import { UnsavedChangesGuard } from './unsaved-changes-guard';

/**
 * The Information form of a person record, shared by Sales Records and Individuals: `before` (what
 * the record kind adds above the person: record type and assignees, or the servicing agent), the
 * person fields, `after` (the sale fields of a lead), the account's custom fields, and the action
 * bar (saved state, Discard or Cancel, Save). Ctrl/⌘+S saves; leaving with unsaved changes asks.
 */
export function PersonRecordForm({
  label,
  onSubmit,
  field,
  defs,
  readOnly,
  dirty,
  isDirty,
  saving,
  error,
  errorTitle,
  cancel,
  submitLabel,
  onDiscard,
  before,
  after,
}: {
  /** The form's accessible name. */
  label: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  field: FieldProps;
  defs: CustomField[];
  readOnly: boolean;
  dirty: boolean;
  /** Read when leaving (the render's `dirty` may be stale right after a save). */
  isDirty: () => boolean;
  saving: boolean;
  error: string | null;
  errorTitle: string;
  /** A new record: this Cancel (a link back) instead of Discard, and Save always enabled. */
  cancel?: ReactNode;
  submitLabel: string;
  onDiscard: () => void;
  before?: ReactNode;
  after?: ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const creating = cancel !== undefined;
  useHotkeys([['mod+S', () => formRef.current?.requestSubmit()]], []);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={label}>
      {readOnly ? null : <UnsavedChangesGuard isDirty={isDirty} />}
      <Paper withBorder radius="md">
        <Stack gap="lg" p="lg">
          {error ? <ErrorAlert title={errorTitle}>{error}</ErrorAlert> : null}
          {before}
          <PersonFields field={field} readOnly={readOnly} />
          {after}
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
              {dirty ? 'Unsaved changes' : creating ? '' : 'All changes saved'}
            </Text>
            <Group gap="sm">
              {creating ? (
                cancel
              ) : (
                <Button variant="default" disabled={!dirty || saving} onClick={onDiscard}>
                  Discard changes
                </Button>
              )}
              <Button
                type="submit"
                loading={saving}
                disabled={creating ? false : !dirty}
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                aria-keyshortcuts="Control+S Meta+S"
              >
                {submitLabel}
              </Button>
            </Group>
          </Group>
        )}
      </Paper>
    </form>
  );
}
