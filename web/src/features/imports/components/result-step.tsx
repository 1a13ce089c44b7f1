import { Alert, Anchor, Button, Group, Modal, Paper, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCircleCheck,
  IconDownload,
  IconPlayerPlay,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { useDateTimeFormat } from '../../../lib/format';
import { errorMessage } from '../../../lib/problem';
import { errorReportUrl, type Import } from '../api/keys';
import { useResumeImport } from '../api/resume-import';
import { useRollbackImport } from '../api/rollback-import';
import { ImportCounts } from './import-counts';
import { progressPercent, rowsText } from './import-flow';

/**
 * Step 5: what the import did — counts, the error report, and the way out of a bad import:
 * resume one that stopped, or roll one back (the records it created are removed).
 */
export function ResultStep({ imp }: { imp: Import }) {
  const formatTime = useDateTimeFormat();
  const resume = useResumeImport(imp.id);
  const rollback = useRollbackImport(imp.id);
  const [confirming, setConfirming] = useState(false);
  const pct = progressPercent(imp);

  return (
    <Stack gap="md">
      {imp.status === 'completed' ? (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title="The import is complete"
        >
          {rowsText(imp.totalRows)} of “{imp.fileName}” were read
          {imp.finishedAt ? `; finished ${formatTime(imp.finishedAt)}` : ''}.
        </Alert>
      ) : imp.status === 'failed' ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title="The import stopped"
          role="alert"
        >
          <Stack gap="xs">
            <Text size="sm">
              {imp.processedRows.toLocaleString('en-US')} of {rowsText(imp.totalRows)} were handled and are
              saved.
              {imp.lastError ? ` The reason: ${imp.lastError}` : ''} Resume it to continue from where it
              stopped, or roll it back.
            </Text>
            <Progress value={pct} aria-label="Import progress" color="red" />
          </Stack>
        </Alert>
      ) : (
        <Alert
          color="orange"
          variant="light"
          icon={<IconArrowBackUp aria-hidden />}
          title="The import was rolled back"
        >
          The leads it created were removed{imp.finishedAt ? ` (${formatTime(imp.finishedAt)})` : ''}. Leads
          it updated keep the values it filled in.
        </Alert>
      )}
      {imp.status === 'completed' ? (
        <Progress value={pct} size="xl" radius="md" aria-label="Import progress" />
      ) : null}
      <ImportCounts imp={imp} />
      {resume.isError ? (
        <ErrorAlert title="The import was not resumed">{errorMessage(resume.error)}</ErrorAlert>
      ) : null}
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="wrap">
            {imp.failed > 0 ? (
              <Anchor href={errorReportUrl(imp.id)} download={`import-errors-${imp.fileName}`} fw={600}>
                <Group gap={6} wrap="nowrap" component="span">
                  <IconDownload size={16} aria-hidden />
                  Download the error report (
                  {imp.failed === 1 ? '1 row' : `${imp.failed.toLocaleString('en-US')} rows`})
                </Group>
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                No row failed.
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="wrap">
            {imp.status === 'failed' ? (
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                loading={resume.isPending}
                onClick={() => resume.mutate()}
              >
                Resume the import
              </Button>
            ) : null}
            {imp.status !== 'rolled_back' ? (
              <Button
                variant="light"
                color="red"
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                Roll back…
              </Button>
            ) : null}
            <ButtonLink
              to="/leads/import"
              search={{}}
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden />}
            >
              Import another file
            </ButtonLink>
          </Group>
        </Group>
      </Paper>
      <Text size="sm">
        <AnchorLink to="/leads" underline="always">
          Go to the lead list
        </AnchorLink>{' '}
        ·{' '}
        <AnchorLink to="/leads/imports" underline="always">
          Import history
        </AnchorLink>
      </Text>

      <Modal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          rollback.reset();
        }}
        title="Roll back this import?"
      >
        <Stack gap="md">
          {rollback.isError ? <ErrorAlert>{errorMessage(rollback.error)}</ErrorAlert> : null}
          <Text>
            The {imp.created === 1 ? 'lead' : `${imp.created.toLocaleString('en-US')} leads`} this import
            created will be removed (except any converted to a client since). Leads it only updated keep the
            values it filled in. The import history keeps a note of the rollback.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" data-autofocus onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={rollback.isPending}
              onClick={() =>
                rollback.mutate(undefined, {
                  onSuccess: ({ removed }) => {
                    setConfirming(false);
                    notifications.show({
                      color: 'green',
                      title: 'Import rolled back',
                      message: `${removed === 1 ? '1 lead was' : `${removed.toLocaleString('en-US')} leads were`} removed.`,
                    });
                  },
                })
              }
            >
              Roll back
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
