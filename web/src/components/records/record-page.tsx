import { Paper, Stack, Tabs, Text } from '@mantine/core';
import {
  IconCalendarEvent,
  IconHistory,
  IconId,
  IconNote,
  IconPaperclip,
  IconShieldHalf,
  IconSignature,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { RecordOwner } from '../../lib/queries/attachments';
import { isApiError } from '../../lib/problem';
import { Loading, QueryError } from '../feedback';
import { ButtonLink } from '../links';
import { Page } from '../page';
import { ActivitiesPanel } from './activities-panel';
import { CommissionsPanel } from './commissions-panel';
import { FilesPanel } from './files-panel';
import { NotesPanel } from './notes-panel';
import { PoliciesPanel } from './policies-panel';
import { FormsPanel } from '../../features/forms/components/forms-panel';

type Loadable<T> = {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  refetch: () => unknown;
};
type Lookups<L> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; lookups: L };

/**
 * The states every person record page goes through before it shows the record: not found (or out
 * of the user's scope), loading, failed (the record or its lookups), then `children`.
 */
export function RecordPageGate<T, L>({
  record,
  lookups,
  noun,
  notFound,
  back,
  children,
}: {
  record: Loadable<T>;
  lookups: Lookups<L>;
  /** "Sales Record", "Client": the page title while loading or failing. */
  noun: string;
  notFound: string;
  back: { to: '/leads' | '/clients'; label: string };
  children: (record: T, lookups: L) => ReactNode;
}) {
  if (record.isError && isApiError(record.error) && record.error.status === 404)
    return (
      <Page title={`${noun} not found`}>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{notFound}</Text>
            <ButtonLink to={back.to} variant="default">
              {back.label}
            </ButtonLink>
          </Stack>
        </Paper>
      </Page>
    );
  if (record.isError)
    return (
      <Page title={noun}>
        <QueryError error={record.error} onRetry={() => void record.refetch()} />
      </Page>
    );
  if (lookups.status === 'error')
    return (
      <Page title={noun}>
        <QueryError error={lookups.error} onRetry={lookups.retry} />
      </Page>
    );
  if (record.isPending || record.data === undefined || lookups.status === 'loading')
    return (
      <Page title={noun}>
        <Loading label={`Loading the ${noun.toLowerCase()}…`} />
      </Page>
    );
  return children(record.data, lookups.lookups);
}

/** The tabs every person record has, in this order; a record kind may add its own before History. */
export const RECORD_TABS = [
  'information',
  'activities',
  'notes',
  'files',
  'policies',
  'forms',
  'history',
] as const;
export type RecordTab = (typeof RECORD_TABS)[number];
type ExtraTab = { value: string; label: string; icon: ReactNode; panel: ReactNode };

/** The tabs every person record has, before its own (`extra`). */
const BASE_TABS = [
  { value: 'information', label: 'Information', icon: IconId },
  { value: 'activities', label: 'Activities', icon: IconCalendarEvent },
  { value: 'notes', label: 'Notes', icon: IconNote },
  { value: 'files', label: 'Files', icon: IconPaperclip },
  { value: 'policies', label: 'Policies', icon: IconShieldHalf },
  { value: 'forms', label: 'Forms', icon: IconSignature },
] as const;

/** A route's `?tab=`: one of `tabs` other than the first (the default, left out of the address). */
export const parseTab =
  <T extends string>(tabs: readonly T[]) =>
  (search: Record<string, unknown>): { tab?: T } =>
    tabs.includes(search.tab as T) && search.tab !== tabs[0] ? { tab: search.tab as T } : {};

/**
 * The tabs of a Sales Record or an Individual: Information (the record's form, then commissions),
 * Activities, Notes, Files, Policies, the kind's own tabs, History. Panels other than Information
 * mount when opened; whatever changes the record's history calls `onChanged`.
 */
export function RecordTabs({
  owner,
  tab,
  onTabChange,
  canEdit,
  onChanged,
  information,
  extra = [],
  history,
}: {
  owner: RecordOwner;
  tab: string;
  onTabChange: (tab: string) => void;
  canEdit: boolean;
  onChanged: () => void;
  information: ReactNode;
  extra?: ExtraTab[];
  history: ReactNode;
}) {
  const icon = (I: typeof IconId) => <I size={16} aria-hidden />;
  return (
    <Tabs value={tab} onChange={(v) => onTabChange(v ?? 'information')}>
      <Tabs.List mb="md">
        {[...BASE_TABS.map((b) => ({ ...b, icon: icon(b.icon) })), ...extra].map((x) => (
          <Tabs.Tab key={x.value} value={x.value} leftSection={x.icon}>
            {x.label}
          </Tabs.Tab>
        ))}
        <Tabs.Tab value="history" leftSection={icon(IconHistory)}>
          History
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="information">
        {information}
        {tab === 'information' ? (
          <CommissionsPanel owner={owner} canEdit={canEdit} onChanged={onChanged} />
        ) : null}
      </Tabs.Panel>
      <Tabs.Panel value="activities">
        {tab === 'activities' ? <ActivitiesPanel owner={owner} canAdd /> : null}
      </Tabs.Panel>
      <Tabs.Panel value="notes">
        {tab === 'notes' ? <NotesPanel owner={owner} canAdd={canEdit} onAdded={onChanged} /> : null}
      </Tabs.Panel>
      <Tabs.Panel value="files">
        {tab === 'files' ? <FilesPanel owner={owner} canEdit={canEdit} onChanged={onChanged} /> : null}
      </Tabs.Panel>
      <Tabs.Panel value="policies">
        {tab === 'policies' ? <PoliciesPanel owner={owner} canEdit={canEdit} onChanged={onChanged} /> : null}
      </Tabs.Panel>
      <Tabs.Panel value="forms">{tab === 'forms' ? <FormsPanel owner={owner} /> : null}</Tabs.Panel>
      {extra.map((x) => (
        <Tabs.Panel key={x.value} value={x.value}>
          {tab === x.value ? x.panel : null}
        </Tabs.Panel>
      ))}
      <Tabs.Panel value="history">{tab === 'history' ? history : null}</Tabs.Panel>
    </Tabs>
  );
}
