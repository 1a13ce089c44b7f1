import { Paper } from '@mantine/core';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { useDateTimeFormat } from '../../../lib/format';
import { useAccount } from '../../../lib/queries/account';
import { AccountSettingsForm } from '../components/account-settings-form';

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
    </Page>
  );
}
