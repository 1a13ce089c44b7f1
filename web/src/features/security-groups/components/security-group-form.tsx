import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { FormSection } from '../../../components/form-section';
import { ButtonLink } from '../../../components/links';
import { applyProblemToForm } from '../../../lib/form-errors';
import { isApiError } from '../../../lib/problem';
import type { GroupPermissions } from '../../../lib/queries/security-groups';
import { CATEGORIES, setLevel } from './permission-categories';

export type SecurityGroupValues = { name: string; permissions: GroupPermissions };

/** Name, the level of each category, and the record access restriction of a security group. */
export function SecurityGroupForm({
  initial,
  submitLabel,
  saving,
  onSubmit,
}: {
  initial: SecurityGroupValues;
  submitLabel: string;
  saving: boolean;
  /** Save; call `onError` with the failure to show it on the form. */
  onSubmit: (values: SecurityGroupValues, onError: (error: unknown) => void) => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SecurityGroupValues>({
    initialValues: initial,
    validate: { name: (v) => (v.trim() ? null : 'Give the group a name.') },
  });
  const p = form.getValues().permissions;
  const setPermissions = (next: GroupPermissions) => form.setFieldValue('permissions', next);
  const permissionErrors = Object.entries(form.errors)
    .filter(([path, message]) => path.startsWith('permissions') && message)
    .map(([, message]) => String(message));

  const submit = form.onSubmit((values) => {
    setFormError(null);
    onSubmit({ name: values.name.trim(), permissions: values.permissions }, (error) => {
      const unplaced = applyProblemToForm(form, error);
      setFormError(unplaced ?? (isApiError(error) && error.status !== 400 ? error.problem.detail : null));
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Security group">
      <Paper withBorder radius="md">
        <Stack gap="lg" p="lg">
          {formError ? <ErrorAlert title="Could not save the group">{formError}</ErrorAlert> : null}
          <FormSection title="Name" description="Shown when choosing a user’s group.">
            <TextInput label="Group name" required maxLength={100} {...form.getInputProps('name')} />
          </FormSection>
          <FormSection
            title="Permissions"
            description="What every user of the group may see and do. Edit includes Visible."
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {CATEGORIES.map((c) => (
                <Fieldset key={c.key} legend={c.label} variant="filled" radius="md" p="sm">
                  <Text size="xs" c="dimmed" mb="xs">
                    {c.description}
                  </Text>
                  <Group gap="lg">
                    {c.levels.map((level) => (
                      <Checkbox
                        key={level.key}
                        label={level.label}
                        checked={(p[c.key] as Record<string, boolean>)[level.key] ?? false}
                        onChange={(e) =>
                          setPermissions(setLevel(p, c.key, level.key, e.currentTarget.checked))
                        }
                      />
                    ))}
                  </Group>
                </Fieldset>
              ))}
            </SimpleGrid>
            {permissionErrors.length ? (
              <Text size="sm" c="red.9" role="alert">
                {permissionErrors.join(' ')}
              </Text>
            ) : null}
          </FormSection>
          <FormSection
            title="Record access"
            description="Restrict the group to the records of each user’s Accessible Agents (their book of business)."
          >
            <Radio.Group
              label="Records the group’s users reach"
              value={p.recordAccess.restriction}
              onChange={(v) =>
                setPermissions({
                  ...p,
                  recordAccess: {
                    restriction: v === 'accessible_agents' ? 'accessible_agents' : 'none',
                    includeUnassigned: v === 'accessible_agents' ? p.recordAccess.includeUnassigned : false,
                  },
                })
              }
            >
              <Stack gap="xs" mt={6}>
                <Radio value="none" label="All records (no restriction)" />
                <Radio
                  value="accessible_agents"
                  label="Only records of their Accessible Agents"
                  description="Users of the group then need at least one Accessible Agent."
                />
              </Stack>
            </Radio.Group>
            <Checkbox
              label="Also include unassigned records"
              disabled={p.recordAccess.restriction !== 'accessible_agents'}
              checked={p.recordAccess.includeUnassigned}
              onChange={(e) =>
                setPermissions({
                  ...p,
                  recordAccess: { ...p.recordAccess, includeUnassigned: e.currentTarget.checked },
                })
              }
              ml="lg"
            />
          </FormSection>
        </Stack>
        <Group justify="flex-end" className="sticky-actions" gap="sm">
          <ButtonLink to="/settings/security-groups" variant="default">
            Cancel
          </ButtonLink>
          <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {submitLabel}
          </Button>
        </Group>
      </Paper>
    </form>
  );
}
