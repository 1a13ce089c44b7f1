import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { fullName } from '../../../lib/format';
import type { Team } from '../../../lib/queries/teams';
import type { UserSummary } from '../../../lib/queries/users';
import { useCreateTeam } from '../api/create-team';
import { useUpdateTeam } from '../api/update-team';

type Values = { name: string; memberIds: string[] };

/** Create a team or edit one (`team`): its name and members. */
export function TeamDialog({
  opened,
  team,
  users,
  onClose,
}: {
  opened: boolean;
  team: Team | null;
  users: UserSummary[];
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={team ? `Edit ${team.name}` : 'New team'} size="lg">
      {opened ? <TeamForm key={team?.id ?? 'new'} team={team} users={users} onDone={onClose} /> : null}
    </Modal>
  );
}

function TeamForm({ team, users, onDone }: { team: Team | null; users: UserSummary[]; onDone: () => void }) {
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: team?.name ?? '', memberIds: team?.memberIds ?? [] },
    validate: { name: (v) => (v.trim() ? null : 'Give the team a name.') },
  });
  const members = form.getValues().memberIds;
  const options = users
    .filter((u) => u.active || members.includes(u.id))
    .map((u) => ({ value: u.id, label: `${fullName(u, u.username)}${u.active ? '' : ' (suspended)'}` }));

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = { name: values.name.trim(), memberIds: values.memberIds };
    const onSuccess = () => {
      notifications.show({
        color: 'green',
        title: team ? 'Team saved' : 'Team created',
        message: `“${body.name}” has ${body.memberIds.length === 1 ? '1 member' : `${body.memberIds.length} members`}.`,
      });
      onDone();
    };
    const onError = (error: unknown) => setFormError(applyProblemToForm(form, error));
    if (team) update.mutate({ id: team.id, patch: body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the team">{formError}</ErrorAlert> : null}
        <TextInput
          label="Team name"
          required
          data-autofocus
          maxLength={100}
          {...form.getInputProps('name')}
        />
        <MultiSelect
          label="Members"
          placeholder={members.length ? undefined : 'Choose users'}
          searchable
          clearable
          hidePickedOptions
          data={options}
          nothingFoundMessage="No matching user"
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('memberIds')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {team ? 'Save team' : 'Create team'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
