import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { errorMessage } from '../../../lib/problem';
import type { ApiKey } from '../api/list-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';

/** Confirm before revoking: a revoked key cannot be restored. */
export function RevokeApiKeyDialog({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const revoke = useRevokeApiKey();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={apiKey !== null} onClose={close} title="Revoke API key?">
      {apiKey ? (
        <Stack gap="md">
          {error ? <ErrorAlert title="Could not revoke the key">{error}</ErrorAlert> : null}
          <Text>
            Integrations using <strong>{apiKey.name}</strong> will stop working immediately. This cannot be
            undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(apiKey.id, {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      title: 'Key revoked',
                      message: `“${apiKey.name}” no longer works.`,
                    });
                    close();
                  },
                  onError: (e) => setError(errorMessage(e)),
                })
              }
            >
              Revoke key
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
