import { Alert, Button, Text } from '@mantine/core';
import { IconLock, IconTransform, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { AnchorLink } from '../../../components/links';
import { Page } from '../../../components/page';
import {
  RECORD_TABS,
  RecordPageGate,
  type RecordTab,
  RecordTabs,
} from '../../../components/records/record-page';
import { fullName, useDateTimeFormat } from '../../../lib/format';
import { canOnRecordType, hasTask, useMe } from '../../../lib/session';
import { historyQueryKey } from '../api/get-history';
import { type SalesRecord, useSalesRecord } from '../api/get-sales-record';
import { ConvertLeadDialog } from '../components/convert-lead-dialog';
import { DeleteLeadDialog } from '../components/delete-lead-dialog';
import { HistoryList } from '../components/history-list';
import { LeadHeader } from '../components/lead-header';
import { LeadInfoForm } from '../components/lead-info-form';
import { type LeadLookups, useLeadLookups } from '../components/use-lead-lookups';
import { ComposeButton, messagesTab } from '../../messaging/components/record-messaging';

export type LeadTab = RecordTab | 'messages';
export const LEAD_TABS: readonly LeadTab[] = [...RECORD_TABS, 'messages'];

export function LeadPage() {
  const { id } = useParams({ from: '/app/leads/$id' });
  const record = useSalesRecord(id);
  const lookups = useLeadLookups();
  return (
    <RecordPageGate
      record={record}
      lookups={lookups}
      noun="Sales Record"
      notFound="There is no Sales Record at this address, or it is outside the records you can see. It may have been deleted."
      back={{ to: '/leads', label: 'Back to leads' }}
    >
      {(r, l) => <LeadView key={r.id} record={r} lookups={l} />}
    </RecordPageGate>
  );
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
          <ComposeButton me={me} kind="sales_record" id={record.id} recipientName={fullName(record)} />
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
      <RecordTabs
        owner={owner}
        tab={tab}
        onTabChange={(v) =>
          void navigate({ search: v !== 'information' ? { tab: v as LeadTab } : {}, replace: true })
        }
        canEdit={canEdit}
        onChanged={refreshHistory}
        information={
          <LeadInfoForm record={record} lookups={lookups} readOnly={!canEdit} onSaved={refreshHistory} />
        }
        extra={messagesTab(me, 'sales_record', record.id, fullName(record))}
        history={<HistoryList recordId={record.id} lookups={lookups} />}
      />
      <ConvertLeadDialog record={record} opened={dialog === 'convert'} onClose={() => setDialog(null)} />
      {canDelete ? (
        <DeleteLeadDialog record={record} opened={dialog === 'delete'} onClose={() => setDialog(null)} />
      ) : null}
    </Page>
  );
}
