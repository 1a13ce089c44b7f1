import { Paper, Stack, Text, Title } from '@mantine/core';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { useDateTimeFormat } from '../../../lib/format';
import { useAccount } from '../../../lib/queries/account';
import { AccountSettingsForm } from '../components/account-settings-form';
import { TemperaturePeriodsForm } from '../components/temperature-periods-form';

export function AccountSettingsPage() {
  const account = useAccount();
  const formatDate = useDateTimeFormat();
  return (
    <Page
      title="Account settings"
      description={
        account.data
          ? `Your agency’s details. Created ${formatDate(account.data.createdAt)}.`
          : 'Your agency’s details.'
      }
    >
      <Paper withBorder radius="md" p="lg" maw={720}>
        {account.isPending ? (
          <Loading label="Loading the account…" />
        ) : account.isError ? (
          <QueryError error={account.error} onRetry={() => void account.refetch()} />
        ) : (
          <AccountSettingsForm account={account.data} />
        )}
      </Paper>
      {account.data ? (
        <Paper withBorder radius="md" p="lg" maw={720}>
          <Stack gap={4} mb="md">
            <Title order={2} fz="md">
              Lead temperature
            </Title>
            <Text size="sm" c="dimmed">
              A lead cools down as it ages: how long is it hot, warm and cool?
            </Text>
          </Stack>
          <TemperaturePeriodsForm key={account.data.id} account={account.data} />
        </Paper>
      ) : null}
    </Page>
  );
}
