import { Alert, Button, Paper, Stack, Tabs, Text } from '@mantine/core';
import {
  IconCalendarEvent,
  IconHistory,
  IconId,
  IconLock,
  IconNote,
  IconPaperclip,
  IconShieldHalf,
  IconTransform,
  IconTrash,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { ActivitiesPanel } from '../../../components/records/activities-panel';
import { CommissionsPanel } from '../../../components/records/commissions-panel';
import { FilesPanel } from '../../../components/records/files-panel';
import { NotesPanel } from '../../../components/records/notes-panel';
import { PoliciesPanel } from '../../../components/records/policies-panel';
import { fullName, useDateTimeFormat } from '../../../lib/format';
import { isApiError } from '../../../lib/problem';
import { canOnRecordType, hasTask, useMe } from '../../../lib/session';
import { historyQueryKey } from '../api/get-history';
import { type SalesRecord, useSalesRecord } from '../api/get-sales-record';
import { ConvertLeadDialog } from '../components/convert-lead-dialog';
import { DeleteLeadDialog } from '../components/delete-lead-dialog';
import { HistoryList } from '../components/history-list';
import { LeadHeader } from '../components/lead-header';
import { LeadInfoForm } from '../components/lead-info-form';
import { type LeadLookups, useLeadLookups } from '../components/use-lead-lookups';

export type LeadTab = 'information' | 'activities' | 'notes' | 'files' | 'policies' | 'history';
export const LEAD_TABS: LeadTab[] = ['information', 'activities', 'notes', 'files', 'policies', 'history'];

export function LeadPage() {
  const { id } = useParams({ from: '/app/leads/$id' });
  const record = useSalesRecord(id);
  const lookups = useLeadLookups();

  if (record.isError && isApiError(record.error) && record.error.status === 404) {
    return (
      <Page title="Sales Record not found">
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>
              There is no Sales Record at this address, or it is outside the records you can see. It may have
              been deleted.
            </Text>
            <ButtonLink to="/leads" variant="default">
              Back to leads
            </ButtonLink>
          </Stack>
        </Paper>
      </Page>
    );
  }
  if (record.isPending || lookups.status === 'loading') {
    return (
      <Page title="Sales Record">
        <Loading label="Loading the record…" />
      </Page>
    );
  }
  if (record.isError || lookups.status === 'error') {
    return (
      <Page title="Sales Record">
        {record.isError ? (
          <QueryError error={record.error} onRetry={() => void record.refetch()} />
        ) : lookups.status === 'error' ? (
          <QueryError error={lookups.error} onRetry={lookups.retry} />
        ) : null}
      </Page>
    );
  }
  return <LeadView key={record.data.id} record={record.data} lookups={lookups.lookups} />;
}

function LeadView({ record, lookups }: { record: SalesRecord; lookups: LeadLookups }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: '/leads/$id' });
  const { tab = 'information' } = useSearch({ from: '/app/leads/$id' });
  const formatTime = useDateTimeFormat();
  const [dialog, setDialog] = useState<'convert' | 'delete' | null>(null);
  const converted = record.convertedAt !== null;
  const canEdit = !converted && canOnRecordType(me, 'edit', record.recordTypeId);
  const canDelete = !converted && canOnRecordType(me, 'delete', record.recordTypeId);
  const status = lookups.statusById.get(record.statusId);
  const canConvert = canEdit && hasTask(me, 'sales_record.convert') && status?.isClosedWon === true;
  const type = lookups.typeById.get(record.recordTypeId);
  const refreshHistory = () => void queryClient.invalidateQueries({ queryKey: historyQueryKey(record.id) });
  const owner = { kind: 'sales_record' as const, id: record.id };

  return (
    <Page
      title={fullName(record)}
      description={
        <Text component="span">
          {type?.name ?? 'Sales Record'} · {status?.name ?? '—'}
          {converted ? ' · Converted' : ''}
        </Text>
      }
      actions={
        <>
          {canConvert ? (
            <Button
              leftSection={<IconTransform size={16} aria-hidden />}
              onClick={() => setDialog('convert')}
            >
              Convert to client
            </Button>
          ) : null}
          {canDelete ? (
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setDialog('delete')}
            >
              Delete
            </Button>
          ) : null}
        </>
      }
    >
      {converted ? (
        <Alert
          color="green"
          variant="light"
          icon={<IconLock aria-hidden />}
          title="Converted — read-only"
          role="status"
        >
          This Sales Record was converted to a client on {formatTime(record.convertedAt)} and is kept,
          read-only, as the record of the sale.{' '}
          {record.individualId ? (
            <AnchorLink to="/clients/$id" params={{ id: record.individualId }} fw={600}>
              Open the client record
            </AnchorLink>
          ) : null}
        </Alert>
      ) : null}
      <LeadHeader
        record={record}
        lookups={lookups}
        canEdit={canEdit}
        editableTypeIds={lookups.recordTypes
          .filter((t) => canOnRecordType(me, 'edit', t.id))
          .map((t) => t.id)}
      />
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({ search: v && v !== 'information' ? { tab: v as LeadTab } : {}, replace: true })
        }
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="information" leftSection={<IconId size={16} aria-hidden />}>
            Information
          </Tabs.Tab>
          <Tabs.Tab value="activities" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
            Activities
          </Tabs.Tab>
          <Tabs.Tab value="notes" leftSection={<IconNote size={16} aria-hidden />}>
            Notes
          </Tabs.Tab>
          <Tabs.Tab value="files" leftSection={<IconPaperclip size={16} aria-hidden />}>
            Files
          </Tabs.Tab>
          <Tabs.Tab value="policies" leftSection={<IconShieldHalf size={16} aria-hidden />}>
            Policies
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            History
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="information">
          <LeadInfoForm record={record} lookups={lookups} readOnly={!canEdit} onSaved={refreshHistory} />
          {tab === 'information' ? <CommissionsPanel owner={owner} canEdit={canEdit} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="activities">
          {tab === 'activities' ? <ActivitiesPanel owner={owner} canAdd /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          {tab === 'notes' ? <NotesPanel owner={owner} canAdd={canEdit} onAdded={refreshHistory} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="files">
          {tab === 'files' ? <FilesPanel owner={owner} canEdit={canEdit} onChanged={refreshHistory} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="policies">
          {tab === 'policies' ? (
            <PoliciesPanel owner={owner} canEdit={canEdit} onChanged={refreshHistory} />
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="history">
          {tab === 'history' ? <HistoryList recordId={record.id} lookups={lookups} /> : null}
        </Tabs.Panel>
      </Tabs>
      <ConvertLeadDialog record={record} opened={dialog === 'convert'} onClose={() => setDialog(null)} />
      {canDelete ? (
        <DeleteLeadDialog record={record} opened={dialog === 'delete'} onClose={() => setDialog(null)} />
      ) : null}
    </Page>
  );
}
