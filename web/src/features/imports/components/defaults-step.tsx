import { Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconPlayerPlay } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ErrorAlert, Loading, QueryError } from '../../../components/feedback';
import { FormSection } from '../../../components/form-section';
import { fullName } from '../../../lib/format';
import { errorMessage, isApiError } from '../../../lib/problem';
import { useAssignableAgents } from '../../../lib/queries/agents';
import { useAssignableUsers } from '../../../lib/queries/assignable-users';
import { type RecordType, useRecordTypes } from '../../../lib/queries/record-types';
import { canOnRecordType, useMe } from '../../../lib/session';
import { useStartImport } from '../api/start-import';
import { type MappingProblem, rowsText, splitStartProblems, type Targets } from './import-flow';

type Values = {
  recordTypeId: string | null;
  statusId: string | null;
  assignedUserId: string | null;
  assignedAgentId: string | null;
  duplicates: 'skip' | 'update';
};

/** Step 3 (data): record types I may add to, and the users and agents I may assign. */
export function DefaultsStep(props: {
  importId: string;
  fileName: string;
  totalRows: number;
  targets: Targets;
  onMappingProblems: (problems: MappingProblem[]) => void;
  onBack: () => void;
}) {
  const me = useMe();
  const recordTypes = useRecordTypes();
  const users = useAssignableUsers();
  const agents = useAssignableAgents();
  const failed = [recordTypes, users, agents].find((q) => q.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!recordTypes.data || !users.data || !agents.data) return <Loading label="Loading record types…" />;
  const types = recordTypes.data.filter((t) => canOnRecordType(me, 'add', t.id));
  if (types.length === 0)
    return (
      <ErrorAlert title="No record type to import into">
        Your Record Type Access does not allow adding Sales Records of any type. Ask an administrator.
      </ErrorAlert>
    );
  return (
    <DefaultsForm
      {...props}
      types={types}
      userOptions={users.data.map((u) => ({ value: u.id, label: fullName(u) }))}
      agentOptions={agents.data.map((a) => ({
        value: a.id,
        label: `${fullName(a)}${a.npn ? ` · NPN ${a.npn}` : ''}`,
      }))}
      meId={me.id}
    />
  );
}

/**
 * Step 3: what every imported lead gets — Record Type, Status of that type, assigned user and
 * agent — and what happens to rows that match an existing lead. Starting sends the mapping too;
 * the API's refusals of the mapping send the user back to it, the others land on these fields.
 */
function DefaultsForm({
  importId,
  fileName,
  totalRows,
  targets,
  onMappingProblems,
  onBack,
  types,
  userOptions,
  agentOptions,
  meId,
}: Parameters<typeof DefaultsStep>[0] & {
  types: RecordType[];
  userOptions: { value: string; label: string }[];
  agentOptions: { value: string; label: string }[];
  meId: string;
}) {
  const start = useStartImport(importId);
  const [formError, setFormError] = useState<string | null>(null);
  const initial = useMemo((): Values => {
    const type = types.find((t) => t.isDefault) ?? types[0]!;
    return {
      recordTypeId: type.id,
      statusId: type.statuses[0]?.id ?? null,
      assignedUserId: userOptions.some((o) => o.value === meId) ? meId : null,
      assignedAgentId: null,
      duplicates: 'skip',
    };
  }, [types, userOptions, meId]);
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      recordTypeId: (v) => (v ? null : 'Choose a record type.'),
      statusId: (v) => (v ? null : 'Choose a status.'),
    },
  });
  const values = form.getValues();
  const type = types.find((t) => t.id === values.recordTypeId);

  const submit = form.onSubmit((v) => {
    setFormError(null);
    start.mutate(
      {
        mapping: targets.map((t) => t ?? ''),
        recordTypeId: v.recordTypeId!,
        statusId: v.statusId,
        assignedUserId: v.assignedUserId,
        assignedAgentId: v.assignedAgentId,
        duplicates: v.duplicates,
      },
      {
        // The started import replaces the cached one (start-import.ts): the page moves to the progress.
        onError: (error) => {
          if (!isApiError(error) || !error.problem.errors?.length) {
            setFormError(errorMessage(error));
            return;
          }
          const { mapping, defaults } = splitStartProblems(error.problem.errors);
          if (mapping.length) {
            onMappingProblems(mapping);
            return;
          }
          const fields: Record<string, string> = {};
          const other: string[] = [];
          for (const p of defaults) {
            if (p.path in v) fields[p.path] ??= p.message;
            else other.push(p.path ? `${p.path}: ${p.message}` : p.message);
          }
          form.setErrors(fields);
          setFormError(other.length ? `${error.problem.detail} ${other.join(' ')}` : null);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Import defaults">
      <Stack gap="md">
        {formError ? <ErrorAlert title="The import was not started">{formError}</ErrorAlert> : null}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="lg">
            <FormSection
              title="Every imported lead gets"
              description="The file has no columns for these; change them on the leads afterwards if needed."
              order={3}
            >
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
                />
                <Select
                  label="Status"
                  required
                  allowDeselect={false}
                  data={(type?.statuses ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  {...form.getInputProps('statusId')}
                />
                <Select
                  label="Assigned user"
                  placeholder="Unassigned"
                  clearable
                  searchable
                  data={userOptions}
                  nothingFoundMessage="No matching user"
                  {...form.getInputProps('assignedUserId')}
                />
                <Select
                  label="Agent"
                  placeholder="No agent"
                  description={agentOptions.length ? undefined : 'No agents you may assign.'}
                  disabled={agentOptions.length === 0}
                  clearable
                  searchable
                  data={agentOptions}
                  nothingFoundMessage="No matching agent"
                  {...form.getInputProps('assignedAgentId')}
                />
              </SimpleGrid>
            </FormSection>
            <FormSection
              title="Duplicates"
              description="A row matches a lead with the same email, the same phone or cell phone (either way round), or the same first name, last name and date of birth — among existing leads and earlier rows of this file."
              order={3}
            >
              <Radio.Group label="When a row matches an existing lead" {...form.getInputProps('duplicates')}>
                <Stack gap="xs" mt="xs">
                  <Radio value="skip" label="Skip the row" description="The existing lead stays as it is." />
                  <Radio
                    value="update"
                    label="Update the existing lead"
                    description="Fields it lacks are filled in from the row; nothing it has is overwritten."
                  />
                </Stack>
              </Radio.Group>
            </FormSection>
          </Stack>
        </Paper>
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
            Back to mapping
          </Button>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              “{fileName}”: {rowsText(totalRows)}
            </Text>
            <Button
              type="submit"
              loading={start.isPending}
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
            >
              Start the import
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
