import { Button, Text } from '@mantine/core';
import { IconAddressBook, IconShoppingCartPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { Page } from '../../../components/page';
import {
  RECORD_TABS,
  RecordPageGate,
  type RecordTab,
  RecordTabs,
} from '../../../components/records/record-page';
import { formatDate, formatPhone, fullName } from '../../../lib/format';
import { hasTask, useMe } from '../../../lib/session';
import { clientHistoryQueryKey } from '../api/get-client-history';
import { type Individual, useIndividual } from '../api/get-individual';
import { ClientHistory } from '../components/client-history';
import { ClientSalesRecords } from '../components/client-sales-records';
import { IndividualForm } from '../components/individual-form';
import { NewSaleDialog } from '../components/new-sale-dialog';
import { type ClientLookups, useClientLookups } from '../components/use-client-lookups';
import { ComposeButton, messagesTab } from '../../messaging/components/record-messaging';

export type ClientTab = RecordTab | 'sales-records' | 'messages';
export const CLIENT_TABS: readonly ClientTab[] = [...RECORD_TABS, 'sales-records', 'messages'];

export function ClientPage() {
  const { id } = useParams({ from: '/app/clients/$id' });
  const individual = useIndividual(id);
  const lookups = useClientLookups();
  return (
    <RecordPageGate
      record={individual}
      lookups={lookups}
      noun="Client"
      notFound="There is no client at this address, or it is outside the records you can see."
      back={{ to: '/clients', label: 'Back to clients' }}
    >
      {(i, l) => <ClientView key={i.id} individual={i} lookups={l} />}
    </RecordPageGate>
  );
}

function ClientView({ individual, lookups }: { individual: Individual; lookups: ClientLookups }) {
  const me = useMe();
  const navigate = useNavigate({ from: '/clients/$id' });
  const { tab = 'information' } = useSearch({ from: '/app/clients/$id' });
  const [newSale, setNewSale] = useState(false);
  const canEdit = hasTask(me, 'individual.edit');
  const canSell = hasTask(me, 'sales_record.create_from_individual');
  const canSeeSales = hasTask(me, 'sales_record.view');
  const queryClient = useQueryClient();
  const refreshHistory = () =>
    void queryClient.invalidateQueries({ queryKey: clientHistoryQueryKey(individual.id) });
  const owner = { kind: 'individual' as const, id: individual.id };
  const phone = individual.phone ?? individual.cellPhone;
  const agent = individual.servicingAgentName ?? lookups.agentName(individual.servicingAgentId);

  return (
    <Page
      title={fullName(individual)}
      description={
        <Text component="span">
          Client since {formatDate(individual.createdAt, me.timeZone)}
          {agent ? ` · Servicing agent: ${agent}` : ''}
          {phone ? ` · ${formatPhone(phone)}` : ''}
          {individual.email ? ` · ${individual.email}` : ''}
        </Text>
      }
      actions={
        <>
          <ComposeButton me={me} kind="individual" id={individual.id} recipientName={fullName(individual)} />
          {canSell ? (
            <Button
              leftSection={<IconShoppingCartPlus size={16} aria-hidden />}
              onClick={() => setNewSale(true)}
            >
              New sale
            </Button>
          ) : null}
        </>
      }
    >
      <RecordTabs
        owner={owner}
        tab={tab}
        onTabChange={(v) =>
          void navigate({ search: v !== 'information' ? { tab: v as ClientTab } : {}, replace: true })
        }
        canEdit={canEdit}
        onChanged={refreshHistory}
        information={<IndividualForm individual={individual} lookups={lookups} readOnly={!canEdit} />}
        extra={[
          ...(canSeeSales
            ? [
                {
                  value: 'sales-records',
                  label: 'Sales Records',
                  icon: <IconAddressBook size={16} aria-hidden />,
                  panel: <ClientSalesRecords individualId={individual.id} />,
                },
              ]
            : []),
          ...messagesTab(me, 'individual', individual.id, fullName(individual)),
        ]}
        history={<ClientHistory individualId={individual.id} lookups={lookups} />}
      />
      <NewSaleDialog individual={individual} opened={newSale} onClose={() => setNewSale(false)} />
    </Page>
  );
}
