import { Button, Group, Modal, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { formatPhone, fullName } from '../../../lib/format';
import type { Agent } from '../../../lib/queries/agents';
import { useCreateAgent } from '../api/create-agent';
import { useUpdateAgent } from '../api/update-agent';

type Values = {
  firstName: string;
  lastName: string;
  npn: string;
  email: string;
  phone: string;
  active: boolean;
};

const blankToNull = (s: string) => (s.trim() ? s.trim() : null);

/** Create an Agent Record or edit one (`agent`). */
export function AgentDialog({
  opened,
  agent,
  onClose,
}: {
  opened: boolean;
  agent: Agent | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={agent ? `Edit ${fullName(agent)}` : 'New Agent Record'}
      size="lg"
    >
      {opened ? <AgentForm key={agent?.id ?? 'new'} agent={agent} onDone={onClose} /> : null}
    </Modal>
  );
}

function AgentForm({ agent, onDone }: { agent: Agent | null; onDone: () => void }) {
  const create = useCreateAgent();
  const update = useUpdateAgent();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      firstName: agent?.firstName ?? '',
      lastName: agent?.lastName ?? '',
      npn: agent?.npn ?? '',
      email: agent?.email ?? '',
      phone: formatPhone(agent?.phone),
      active: agent?.active ?? true,
    },
    validate: {
      firstName: (v) => (v.trim() ? null : 'First name is required.'),
      lastName: (v) => (v.trim() ? null : 'Last name is required.'),
      npn: (v) => (!v.trim() || /^\d{1,10}$/.test(v.trim()) ? null : 'An NPN is 1 to 10 digits.'),
      email: (v) =>
        !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : 'Enter a valid email address.',
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      npn: blankToNull(values.npn),
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      active: values.active,
    };
    const onSuccess = (saved: Agent) => {
      notifications.show({
        color: 'green',
        title: agent ? 'Agent Record saved' : 'Agent Record created',
        message: `${fullName(saved)} is saved.`,
      });
      onDone();
    };
    const onError = (error: unknown) => setFormError(applyProblemToForm(form, error));
    if (agent) update.mutate({ id: agent.id, patch: body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the Agent Record">{formError}</ErrorAlert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required data-autofocus {...form.getInputProps('firstName')} />
          <TextInput label="Last name" required {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="NPN"
            description="National Producer Number, up to 10 digits."
            inputMode="numeric"
            maxLength={10}
            {...form.getInputProps('npn')}
          />
          <TextInput
            label="Phone"
            description="e.g. (312) 201-3344, or +44 20 7946 0958."
            type="tel"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        <Switch
          label="Active"
          description="Inactive Agent Records are not offered when linking users."
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {agent ? 'Save Agent Record' : 'Create Agent Record'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
