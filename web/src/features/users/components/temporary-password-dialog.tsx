import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

/** After "Save" (no email): the new user's temporary password, shown this once. */
export function TemporaryPasswordDialog({
  created,
  onClose,
}: {
  created: { name: string; username: string; temporaryPassword: string } | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title="Temporary password"
      size="lg"
      closeOnClickOutside={false}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Copy it now">
            This is the only time the temporary password of {created.name} is shown. Give it to them in a safe
            way; they choose their own password when they first sign in.
          </Alert>
          <Group gap="xl">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Username
              </Text>
              <Code>{created.username}</Code>
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="temporary-password-label">
                Temporary password
              </Text>
              <Code
                data-testid="temporary-password"
                aria-labelledby="temporary-password-label"
                className="secret-key"
              >
                {created.temporaryPassword}
              </Code>
            </Stack>
          </Group>
          <Group justify="space-between">
            <CopyButton value={created.temporaryPassword}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy password'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
