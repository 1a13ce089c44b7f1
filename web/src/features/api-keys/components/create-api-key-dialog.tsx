import { Alert, Button, Code, CopyButton, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useCreateApiKey } from '../api/create-api-key';
import type { ApiKey } from '../api/list-api-keys';

type Values = { name: string; scope: ApiKey['scope'] };

/** Create a key, then show its secret once with a copy button. */
export function CreateApiKeyDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateApiKey();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', scope: 'full' },
    validate: { name: (v) => (v.trim() ? null : 'Give the key a name.') },
  });

  const close = () => {
    onClose();
    // Forget the secret as soon as the dialog closes.
    setCreated(null);
    setFormError(null);
    form.reset();
    create.reset();
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      { name: values.name.trim(), scope: values.scope },
      {
        onSuccess: (key) => setCreated({ name: key.name, key: key.key }),
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Your new API key' : 'Create API key'} size="lg">
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Copy it now">
            This is the only time the key “{created.name}” is shown. Store it in a safe place; if it is lost,
            revoke it and create another.
          </Alert>
          <Stack gap={6}>
            <Text size="sm" fw={500} id="new-api-key-label">
              API key
            </Text>
            <Code block data-testid="new-api-key" aria-labelledby="new-api-key-label" className="secret-key">
              {created.key}
            </Code>
          </Stack>
          <Group justify="space-between">
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>Done</Button>
          </Group>
          <Text size="sm" c="dimmed">
            Integrations send it as <Code>Authorization: Bearer &lt;key&gt;</Code>.
          </Text>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {formError ? <ErrorAlert title="Could not create the key">{formError}</ErrorAlert> : null}
            <TextInput
              label="Name"
              description="Who or what uses it, e.g. “Lead vendor – Acme”."
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Radio.Group label="Scope" required {...form.getInputProps('scope')}>
              <Stack gap="sm" mt="xs">
                <Radio
                  value="full"
                  label="Full access"
                  description="Everything the API allows for this account."
                />
                <Radio value="leads" label="Leads only" description="Only posting inbound leads." />
              </Stack>
            </Radio.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
