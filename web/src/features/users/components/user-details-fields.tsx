import {
  Badge,
  Group,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { FormSection } from '../../../components/form-section';
import { fullName } from '../../../lib/format';
import { describeGroupPermissions, describeRecordAccess } from '../../../lib/group-permissions';
import { timeZoneOptions } from '../../../lib/time-zones';
import type { EditorLookups } from './use-editor-lookups';
import { needsAccessibleAgents, USER_TYPE_OPTIONS, type UserFormValues } from './user-form-values';

type Option = { value: string; label: string };

/** Active items, plus any inactive one already chosen (so it can be seen and removed). */
function pickerOptions<T extends { id: string }>(
  items: T[],
  chosen: string[],
  isActive: (item: T) => boolean,
  label: (item: T) => string,
  inactiveNote: string,
): Option[] {
  return items
    .filter((item) => isActive(item) || chosen.includes(item.id))
    .map((item) => ({
      value: item.id,
      label: isActive(item) ? label(item) : `${label(item)} (${inactiveNote})`,
    }));
}

/** The Details tab: who the user is, how they sign in, their group, agents and teams. */
export function UserDetailsFields({
  form,
  lookups,
  userId,
}: {
  form: UseFormReturnType<UserFormValues>;
  lookups: EditorLookups;
  /** The user being edited (absent while creating). */
  userId?: string;
}) {
  const values = form.getValues();
  const zones = useMemo(() => timeZoneOptions(values.timeZone), [values.timeZone]);
  const group = lookups.groups.find((g) => g.id === values.securityGroupId);
  const accessibleRequired = needsAccessibleAgents(values, group);

  const agentOptions = (chosen: string[]) =>
    pickerOptions(
      lookups.agents,
      chosen,
      (a) => a.active,
      (a) => `${fullName(a)}${a.npn ? ` · NPN ${a.npn}` : ''}`,
      'inactive',
    );
  const userOptions = pickerOptions(
    lookups.users.filter((u) => u.id !== userId),
    values.visibleUserIds,
    (u) => u.active,
    (u) => fullName(u, u.username),
    'suspended',
  );

  return (
    <Stack gap="lg">
      <FormSection
        title="Person"
        description="The user’s name and the email address their login info goes to."
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required autoComplete="off" {...form.getInputProps('firstName')} />
          <TextInput label="Last name" required autoComplete="off" {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <TextInput label="Email" type="email" required autoComplete="off" {...form.getInputProps('email')} />
      </FormSection>

      <FormSection
        title="Login"
        description="They sign in with the username or the email. Times are shown in their time zone."
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Username"
            required
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('username')}
          />
          <Select
            label="Time zone"
            required
            searchable
            data={zones}
            limit={100}
            allowDeselect={false}
            nothingFoundMessage="No matching time zone"
            {...form.getInputProps('timeZone')}
          />
        </SimpleGrid>
      </FormSection>

      <FormSection
        title="Security"
        description="The security group decides what the user can see and do; Agent Records tie them to their book of business."
      >
        <Radio.Group label="User type" required {...form.getInputProps('userType')}>
          <Stack gap="xs" mt={6}>
            {USER_TYPE_OPTIONS.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} description={o.description} />
            ))}
          </Stack>
        </Radio.Group>
        <Select
          label="Security group"
          placeholder="Choose a group"
          required
          searchable
          allowDeselect={false}
          data={lookups.groups.map((g) => ({ value: g.id, label: g.name }))}
          nothingFoundMessage="No matching group"
          {...form.getInputProps('securityGroupId')}
        />
        {group ? (
          <Group gap={6} data-testid="group-summary" aria-label={`What ${group.name} allows`}>
            {describeGroupPermissions(group.permissions).map((label) => (
              <Badge key={label} variant="light" tt="none">
                {label}
              </Badge>
            ))}
            {describeGroupPermissions(group.permissions).length === 0 ? (
              <Text size="sm" c="dimmed">
                No categories
              </Text>
            ) : null}
            <Badge variant="default" tt="none">
              {describeRecordAccess(group.permissions)}
            </Badge>
          </Group>
        ) : null}
        <MultiSelect
          label="Linked Agents"
          description="The user’s own Agent Records: records assigned to them count as assigned to the user."
          placeholder={values.linkedAgentIds.length ? undefined : 'Choose Agent Records'}
          searchable
          clearable
          hidePickedOptions
          data={agentOptions(values.linkedAgentIds)}
          nothingFoundMessage="No matching Agent Record"
          {...form.getInputProps('linkedAgentIds')}
        />
        <MultiSelect
          label="Accessible Agents"
          description={
            accessibleRequired
              ? values.userType === 'agent_crm_user'
                ? 'Required for an Agent CRM user: they reach only these agents’ records.'
                : 'Required: this security group restricts records to Accessible Agents.'
              : 'Agents whose Group, Individual and Policy records the user may reach.'
          }
          placeholder={values.accessibleAgentIds.length ? undefined : 'Choose Agent Records'}
          required={accessibleRequired}
          searchable
          clearable
          hidePickedOptions
          data={agentOptions(values.accessibleAgentIds)}
          nothingFoundMessage="No matching Agent Record"
          {...form.getInputProps('accessibleAgentIds')}
        />
      </FormSection>

      <FormSection
        title="Teams and activities"
        description="Teams are for assigning Activities to a group of users and for dashboard notices."
      >
        <MultiSelect
          label="Teams"
          placeholder={values.teamIds.length ? undefined : 'Choose teams'}
          searchable
          clearable
          hidePickedOptions
          data={lookups.teams.map((t) => ({ value: t.id, label: t.name }))}
          nothingFoundMessage={lookups.teams.length ? 'No matching team' : 'No teams yet'}
          {...form.getInputProps('teamIds')}
        />
        <Switch
          label="View other users’ activities"
          description="See the chosen users’ Activities on the dashboard and calendar."
          {...form.getInputProps('viewOtherUsersActivities', { type: 'checkbox' })}
        />
        {values.viewOtherUsersActivities ? (
          <MultiSelect
            label="Users whose activities they see"
            placeholder={values.visibleUserIds.length ? undefined : 'Choose users'}
            searchable
            clearable
            hidePickedOptions
            data={userOptions}
            nothingFoundMessage="No matching user"
            {...form.getInputProps('visibleUserIds')}
          />
        ) : null}
      </FormSection>
    </Stack>
  );
}
