import { Paper, Stack, Title } from '@mantine/core';
import { Loading, QueryError } from '../../../components/feedback';
import { FormSection } from '../../../components/form-section';
import { Page } from '../../../components/page';
import { useAccount } from '../../../lib/queries/account';
import { useRecordTypes } from '../../../lib/queries/record-types';
import { LeadIntakeForm } from '../components/lead-intake-form';
import { LeadPostLog } from '../components/lead-post-log';
import { PostingInstructions } from '../components/posting-instructions';

export function LeadIntakePage() {
  const account = useAccount();
  const recordTypes = useRecordTypes();
  const failed = account.isError ? account : recordTypes.isError ? recordTypes : null;
  return (
    <Page
      title="Lead intake"
      description="Website forms and lead vendors post leads over HTTP with an API key. Choose what they create, and see every post."
    >
      <Paper withBorder radius="md" p="lg">
        <Stack gap="lg">
          <FormSection title="Settings" description="Apply to every post from now on.">
            {failed ? (
              <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
            ) : !account.data || !recordTypes.data ? (
              <Loading label="Loading the settings…" />
            ) : (
              <LeadIntakeForm account={account.data} recordTypes={recordTypes.data} />
            )}
          </FormSection>
          <FormSection title="Posting leads" description="Give this to your web developer or lead vendor.">
            <PostingInstructions />
          </FormSection>
        </Stack>
      </Paper>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          Post log
        </Title>
        <Paper withBorder radius="md" p={0}>
          <LeadPostLog />
        </Paper>
      </Stack>
    </Page>
  );
}
