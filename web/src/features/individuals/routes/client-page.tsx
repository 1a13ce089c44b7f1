import { Button, Paper, Stack, Tabs, Text } from '@mantine/core';
import {
  IconAddressBook,
  IconCalendarEvent,
  IconHistory,
  IconId,
  IconNote,
  IconPaperclip,
  IconShieldHalf,
  IconShoppingCartPlus,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { ButtonLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { ActivitiesPanel } from '../../../components/records/activities-panel';
import { CommissionsPanel } from '../../../components/records/commissions-panel';
import { FilesPanel } from '../../../components/records/files-panel';
import { NotesPanel } from '../../../components/records/notes-panel';
import { PoliciesPanel } from '../../../components/records/policies-panel';
import { formatDate, formatPhone, fullName } from '../../../lib/format';
import { isApiError } from '../../../lib/problem';
import { hasTask, useMe } from '../../../lib/session';
import { clientHistoryQueryKey } from '../api/get-client-history';
import { type Individual, useIndividual } from '../api/get-individual';
import { ClientHistory } from '../components/client-history';
import { ClientSalesRecords } from '../components/client-sales-records';
import { IndividualForm } from '../components/individual-form';
import { NewSaleDialog } from '../components/new-sale-dialog';
import { type ClientLookups, useClientLookups } from '../components/use-client-lookups';

export type ClientTab =
  'information' | 'activities' | 'notes' | 'files' | 'policies' | 'sales-records' | 'history';
export const CLIENT_TABS: ClientTab[] = [
  'information',
  'activities',
  'notes',
  'files',
  'policies',
  'sales-records',
  'history',
];

export function ClientPage() {
  const { id } = useParams({ from: '/app/clients/$id' });
  const individual = useIndividual(id);
  const lookups = useClientLookups();
  if (individual.isError && isApiError(individual.error) && individual.error.status === 404) {
    return (
      <Page title="Client not found">
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>There is no client at this address, or it is outside the records you can see.</Text>
            <ButtonLink to="/clients" variant="default">
              Back to clients
            </ButtonLink>
          </Stack>
        </Paper>
      </Page>
    );
  }
  if (individual.isError) {
    return (
      <Page title="Client">
        <QueryError error={individual.error} onRetry={() => void individual.refetch()} />
      </Page>
    );
  }
  if (lookups.status === 'error') {
    return (
      <Page title="Client">
        <QueryError error={lookups.error} onRetry={lookups.retry} />
      </Page>
    );
  }
  if (individual.isPending || lookups.status === 'loading') {
    return (
      <Page title="Client">
        <Loading label="Loading the client…" />
      </Page>
    );
  }
  return <ClientView key={individual.data.id} individual={individual.data} lookups={lookups.lookups} />;
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
  const agent = lookups.agentName(individual.servicingAgentId);

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
        canSell ? (
          <Button
            leftSection={<IconShoppingCartPlus size={16} aria-hidden />}
            onClick={() => setNewSale(true)}
          >
            New sale
          </Button>
        ) : null
      }
    >
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({ search: v && v !== 'information' ? { tab: v as ClientTab } : {}, replace: true })
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
          {canSeeSales ? (
            <Tabs.Tab value="sales-records" leftSection={<IconAddressBook size={16} aria-hidden />}>
              Sales Records
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            History
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="information">
          <IndividualForm individual={individual} lookups={lookups} readOnly={!canEdit} />
          {tab === 'information' ? (
            <CommissionsPanel owner={owner} canEdit={canEdit} onChanged={refreshHistory} />
          ) : null}
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
        {canSeeSales ? (
          <Tabs.Panel value="sales-records">
            {tab === 'sales-records' ? <ClientSalesRecords individualId={individual.id} /> : null}
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="history">
          {tab === 'history' ? <ClientHistory individualId={individual.id} lookups={lookups} /> : null}
        </Tabs.Panel>
      </Tabs>
      <NewSaleDialog individual={individual} opened={newSale} onClose={() => setNewSale(false)} />
    </Page>
  );
}
