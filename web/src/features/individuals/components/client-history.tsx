import {
  IconArrowsExchange,
  IconCoin,
  IconHistory,
  IconPlus,
  IconShieldHalf,
  IconTransform,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import {
  attachedEventView,
  type ChangeRow,
  ChangesTable,
  HistoryTimeline,
} from '../../../components/records/history-timeline';
import { AnchorLink } from '../../../components/links';
import { POLICY_STATUS_LABELS } from '../../../components/records/policy-dialog';
import { RENEWAL_CYCLE_LABELS } from '../../../components/records/renewal-options';
import { formatCalendarDate, formatMoney, formatPhone } from '../../../lib/format';
import { describeCustomValue, FIELD_LABELS, GENDER_OPTIONS } from '../../../lib/record-fields';
import { type ClientHistoryEvent, useClientHistory } from '../api/get-client-history';
import type { ClientLookups } from './use-client-lookups';

type Change = { from: unknown; to: unknown };
type Row = ChangeRow;

const LABELS: Record<string, string> = {
  ...FIELD_LABELS,
  premium: 'Premium (monthly)',
  effectiveDate: 'Effective date',
  renewalCycle: 'Renews',
  status: 'Status',
  kind: 'Paid for',
  basis: 'Basis',
  ratePercent: 'Rate (%)',
  amount: 'Amount a year',
  payer: 'Paid by',
};
const DATE_FIELDS = new Set(['dateOfBirth', 'partADate', 'partBDate', 'effectiveDate']);
const VALUE_LABELS: Record<string, Record<string, string>> = {
  renewalCycle: RENEWAL_CYCLE_LABELS,
  status: POLICY_STATUS_LABELS,
  kind: { first_year: 'First year', renewal: 'Renewal years' },
  basis: { percent: 'Percentage of annual premium', flat: 'Flat amount a year' },
};

/** A value as a person reads it: names for agents, formatted phones, dates and money. */
function describe(field: string, value: unknown, lookups: ClientLookups): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  const s = String(value);
  if (field === 'servicingAgentId') return lookups.agentName(s) ?? s;
  if (field === 'phone' || field === 'cellPhone') return formatPhone(s);
  if (field === 'gender') return GENDER_OPTIONS.find((g) => g.value === s)?.label ?? s;
  if (field === 'premium' || field === 'amount') return formatMoney(s);
  if (DATE_FIELDS.has(field)) return formatCalendarDate(s);
  return VALUE_LABELS[field]?.[s] ?? s;
}

function changeRows(changes: Record<string, Change>, lookups: ClientLookups): Row[] {
  const rows: Row[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (field === 'customFields') {
      const from = (change.from ?? {}) as Record<string, unknown>;
      const to = (change.to ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
        if (JSON.stringify(from[key]) === JSON.stringify(to[key])) continue;
        const def = lookups.customFields.find((d) => d.key === key);
        const show = (v: unknown) =>
          v === undefined || v === null ? '(empty)' : describeCustomValue(def, v);
        rows.push({ label: def?.label ?? key, from: show(from[key]), to: show(to[key]) });
      }
      continue;
    }
    rows.push({
      label: LABELS[field] ?? field,
      from: describe(field, change.from, lookups),
      to: describe(field, change.to, lookups),
    });
  }
  return rows;
}

const leadLink = (id: unknown) =>
  typeof id === 'string' ? (
    <AnchorLink to="/leads/$id" params={{ id }} size="sm">
      Open the Sales Record
    </AnchorLink>
  ) : null;

function eventView(
  e: ClientHistoryEvent,
  lookups: ClientLookups,
): { title: string; icon: ReactNode; body?: ReactNode } {
  const data = e.data as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const changes = (caption: string) => (
    <ChangesTable
      rows={changeRows((data.changes ?? {}) as Record<string, Change>, lookups)}
      caption={caption}
    />
  );
  switch (e.type) {
    case 'individual.created': {
      const fields = (data.fields ?? {}) as Record<string, unknown>;
      const rows = Object.entries(fields)
        .filter(([k, v]) => k !== 'customFields' && v !== null && v !== undefined)
        .map(([k, v]) => ({ label: LABELS[k] ?? k, to: describe(k, v, lookups) }));
      return data.fromSalesRecordId
        ? {
            title: 'converted a Sales Record into this client',
            icon: <IconTransform size={14} aria-hidden />,
            body: (
              <>
                {leadLink(data.fromSalesRecordId)}
                <ChangesTable rows={rows} caption="Fields carried over" />
              </>
            ),
          }
        : {
            title: 'created the client',
            icon: <IconPlus size={14} aria-hidden />,
            body: <ChangesTable rows={rows} caption="Fields when created" />,
          };
    }
    case 'individual.updated':
      return data.fromSalesRecordId
        ? {
            title: 'merged a converted Sales Record into this client',
            icon: <IconTransform size={14} aria-hidden />,
            body: (
              <>
                {leadLink(data.fromSalesRecordId)}
                {changes('Fields filled in')}
              </>
            ),
          }
        : {
            title: 'changed',
            icon: <IconArrowsExchange size={14} aria-hidden />,
            body: changes('Fields changed'),
          };
    case 'policy.updated':
      return {
        title: 'changed a policy',
        icon: <IconShieldHalf size={14} aria-hidden />,
        body: changes('Policy fields changed'),
      };
    case 'commission.created': {
      const rows = ['kind', 'basis', 'ratePercent', 'amount', 'payer']
        .filter((k) => data[k] !== null && data[k] !== undefined)
        .map((k) => ({ label: LABELS[k] ?? k, to: describe(k, data[k], lookups) }));
      return {
        title: 'added an expected commission',
        icon: <IconCoin size={14} aria-hidden />,
        body: <ChangesTable rows={rows} caption="The commission" />,
      };
    }
    case 'commission.updated':
      return {
        title: 'changed an expected commission',
        icon: <IconCoin size={14} aria-hidden />,
        body: changes('Commission fields changed'),
      };
    case 'commission.deleted':
      return {
        title: `removed the commission paid by ${text('payer')}`,
        icon: <IconCoin size={14} aria-hidden />,
      };
    default:
      return attachedEventView(e) ?? { title: e.type, icon: <IconHistory size={14} aria-hidden /> };
  }
}

/** The client's audit trail, newest first: who did what and when, with each field from → to. */
export function ClientHistory({ individualId, lookups }: { individualId: string; lookups: ClientLookups }) {
  return <HistoryTimeline history={useClientHistory(individualId)} view={(e) => eventView(e, lookups)} />;
}
