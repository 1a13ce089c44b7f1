import { Alert, Box, Group, Modal, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconAlertCircle } from '@tabler/icons-react';
import { Loading, QueryError } from '../../../components/feedback';
import { useDateTimeFormat } from '../../../lib/format';
import { useEmail } from '../api/get-email';
import { EmailStatusBadge } from './email-status-badge';
import { LinkifiedText } from './linkified-text';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** One outbox message: headers, status and body (links clickable; HTML only in a sandbox). */
export function EmailDialog({ emailId, onClose }: { emailId: string | null; onClose: () => void }) {
  const email = useEmail(emailId);
  const formatDate = useDateTimeFormat();
  const data = email.data;
  return (
    <Modal opened={emailId !== null} onClose={onClose} size="xl" title={data ? data.subject : 'Email'}>
      {email.isPending ? (
        <Loading label="Loading the email…" />
      ) : email.isError ? (
        <QueryError error={email.error} onRetry={() => void email.refetch()} />
      ) : data ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Field label="To">{data.toAddress}</Field>
            <Field label="Status">
              <Group gap="xs">
                <EmailStatusBadge status={data.status} />
                <Text size="xs" c="dimmed">
                  {data.attempts} {data.attempts === 1 ? 'attempt' : 'attempts'}
                </Text>
              </Group>
            </Field>
            <Field label="Created">{formatDate(data.createdAt)}</Field>
            <Field label="Sent">{data.sentAt ? formatDate(data.sentAt) : 'Not sent'}</Field>
          </SimpleGrid>
          {data.lastError ? (
            <Alert color="red" variant="light" title="Last error" icon={<IconAlertCircle aria-hidden />}>
              {data.lastError}
            </Alert>
          ) : null}
          <Tabs defaultValue="text">
            <Tabs.List>
              <Tabs.Tab value="text">Text</Tabs.Tab>
              {data.htmlBody ? <Tabs.Tab value="html">HTML</Tabs.Tab> : null}
            </Tabs.List>
            <Tabs.Panel value="text" pt="sm">
              <Paper withBorder radius="sm" p="md" bg="gray.0">
                <Box component="pre" className="email-body" data-testid="email-body" m={0}>
                  <LinkifiedText text={data.textBody} />
                </Box>
              </Paper>
            </Tabs.Panel>
            {data.htmlBody ? (
              <Tabs.Panel value="html" pt="sm">
                <iframe
                  title={`HTML version of “${data.subject}”`}
                  sandbox=""
                  srcDoc={data.htmlBody}
                  className="email-html"
                />
              </Tabs.Panel>
            ) : null}
          </Tabs>
        </Stack>
      ) : null}
    </Modal>
  );
}
