import { Button, Center, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconMail, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { useEmails } from '../api/list-emails';
import { EmailDialog } from '../components/email-dialog';
import { EmailsTable } from '../components/emails-table';

export function OutboxPage() {
  const emails = useEmails();
  const [openId, setOpenId] = useState<string | null>(null);
  const items = emails.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title="Outbox"
      description="Every email OpenAMS sent (or would send) to your users. Without a mail server configured, emails stay here."
      actions={
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={emails.isRefetching && !emails.isFetchingNextPage}
          onClick={() => void emails.refetch()}
        >
          Refresh
        </Button>
      }
    >
      <Paper withBorder radius="md" p={items.length ? 0 : 'lg'}>
        {emails.isPending ? (
          <Loading label="Loading emails…" />
        ) : emails.isError && items.length === 0 ? (
          <QueryError error={emails.error} onRetry={() => void emails.refetch()} />
        ) : items.length === 0 ? (
          <Stack align="center" gap="xs" py="xl">
            <ThemeIcon variant="light" size={48} radius="xl" aria-hidden>
              <IconMail size={26} />
            </ThemeIcon>
            <Text fw={600}>The outbox is empty</Text>
            <Text c="dimmed" size="sm">
              Password reset links and other emails to your users will appear here.
            </Text>
          </Stack>
        ) : (
          <EmailsTable emails={items} onOpen={setOpenId} />
        )}
      </Paper>
      {emails.hasNextPage ? (
        <Center>
          <Button
            variant="default"
            loading={emails.isFetchingNextPage}
            onClick={() => void emails.fetchNextPage()}
          >
            Load more
          </Button>
        </Center>
      ) : null}
      <EmailDialog emailId={openId} onClose={() => setOpenId(null)} />
    </Page>
  );
}
