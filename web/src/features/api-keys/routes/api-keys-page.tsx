import { Button, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { type ApiKey, useApiKeys } from '../api/list-api-keys';
import { ApiKeysTable } from '../components/api-keys-table';
import { CreateApiKeyDialog } from '../components/create-api-key-dialog';
import { RevokeApiKeyDialog } from '../components/revoke-api-key-dialog';

export function ApiKeysPage() {
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  return (
    <Page
      title="API keys"
      description="Keys let lead vendors and other systems use the OpenAMS API on behalf of this account."
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Create API key
        </Button>
      }
    >
      <Paper withBorder radius="md" p={keys.data?.length ? 0 : 'lg'}>
        {keys.isPending ? (
          <Loading label="Loading API keys…" />
        ) : keys.isError ? (
          <QueryError error={keys.error} onRetry={() => void keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <Stack align="center" gap="xs" py="xl">
            <ThemeIcon variant="light" size={48} radius="xl" aria-hidden>
              <IconKey size={26} />
            </ThemeIcon>
            <Text fw={600}>No API keys yet</Text>
            <Text c="dimmed" size="sm" ta="center" maw={420}>
              Create a key for each integration, so you can revoke one without touching the others.
            </Text>
          </Stack>
        ) : (
          <ApiKeysTable keys={keys.data} onRevoke={setRevoking} />
        )}
      </Paper>
      <CreateApiKeyDialog opened={creating} onClose={() => setCreating(false)} />
      <RevokeApiKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </Page>
  );
}
