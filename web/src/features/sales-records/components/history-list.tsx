import {
  IconArrowsExchange,
  IconHistory,
  IconPlus,
  IconRestore,
  IconTransform,
  IconTrash,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import {
  attachedEventView,
  ChangesTable,
  HistoryTimeline,
} from '../../../components/records/history-timeline';
import { AnchorLink } from '../../../components/links';
import { TEMPERATURE_LABELS, type Temperature } from '../../../components/temperature-badge';
import { formatCalendarDate, formatPhone } from '../../../lib/format';
import { describeCustomValue, FIELD_LABELS, GENDER_OPTIONS } from '../../../lib/record-fields';
import { type HistoryEvent, useSalesRecordHistory } from '../api/get-history';
import type { LeadLookups } from './use-lead-lookups';

type Change = { from: unknown; to: unknown };
const DATE_FIELDS = new Set(['dateOfBirth', 'partADate', 'partBDate', 'leadDate']);

/** A field's value as a person reads it: names instead of ids, formatted phones and dates. */
function describe(field: string, value: unknown, lookups: LeadLookups): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  const s = String(value);
  switch (field) {
    case 'recordTypeId':
      return lookups.typeById.get(s)?.name ?? 'a deleted record type';
    case 'statusId':
      return lookups.statusById.get(s)?.name ?? 'a deleted status';
    case 'assignedUserId':
      return lookups.userName(s) ?? s;
    case 'assignedAgentId':
      return lookups.agentName(s) ?? s;
    case 'phone':
    case 'cellPhone':
      return formatPhone(s);
    case 'manualTemperature':
      return TEMPERATURE_LABELS[s as Temperature] ?? s;
    case 'gender':
      return GENDER_OPTIONS.find((g) => g.value === s)?.label ?? s;
    default:
      return DATE_FIELDS.has(field) ? formatCalendarDate(s) : s;
  }
}

/** Field-level rows of a change set; custom fields are split into one row per field. */
function changeRows(changes: Record<string, Change>, lookups: LeadLookups) {
  const rows: { label: string; from: string; to: string }[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (field === 'customFields') {
      const from = (change.from ?? {}) as Record<string, unknown>;
      const to = (change.to ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
        if (JSON.stringify(from[key]) === JSON.stringify(to[key])) continue;
        const def = lookups.customFields.find((d) => d.key === key);
        rows.push({
          label: def?.label ?? key,
          from:
            from[key] === undefined || from[key] === null ? '(empty)' : describeCustomValue(def, from[key]),
          to: to[key] === undefined || to[key] === null ? '(empty)' : describeCustomValue(def, to[key]),
        });
      }
      continue;
    }
    rows.push({
      label: FIELD_LABELS[field] ?? field,
      from: describe(field, change.from, lookups),
      to: describe(field, change.to, lookups),
    });
  }
  return rows;
}

function eventView(
  e: HistoryEvent,
  lookups: LeadLookups,
): { title: string; icon: ReactNode; body?: ReactNode } {
  const data = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'sales_record.created': {
      const fields = (data.fields ?? {}) as Record<string, unknown>;
      const rows = Object.entries(fields)
        .filter(([k]) => k !== 'customFields')
        .map(([k, v]) => ({ label: FIELD_LABELS[k] ?? k, to: describe(k, v, lookups) }));
      return {
        title: 'created the record',
        icon: <IconPlus size={14} aria-hidden />,
        body: <ChangesTable rows={rows} caption="Fields when created" />,
      };
    }
    case 'sales_record.updated':
    case 'sales_record.bulk_updated':
      return {
        title: e.type === 'sales_record.bulk_updated' ? 'changed it in a bulk action' : 'changed',
        icon: <IconArrowsExchange size={14} aria-hidden />,
        body: (
          <ChangesTable
            rows={changeRows((data.changes ?? {}) as Record<string, Change>, lookups)}
            caption="Fields changed"
          />
        ),
      };
    case 'sales_record.converted':
      return {
        title: data.merged ? 'converted it, merging into an existing client' : 'converted it to a client',
        icon: <IconTransform size={14} aria-hidden />,
        body:
          typeof data.individualId === 'string' ? (
            <AnchorLink to="/clients/$id" params={{ id: data.individualId }} size="sm">
              Open the client
            </AnchorLink>
          ) : undefined,
      };
    case 'sales_record.deleted':
      return { title: 'deleted the record', icon: <IconTrash size={14} aria-hidden /> };
    case 'sales_record.restored':
      return { title: 'restored the record', icon: <IconRestore size={14} aria-hidden /> };
    default:
      return attachedEventView(e) ?? { title: e.type, icon: <IconHistory size={14} aria-hidden /> };
  }
}

/** The audit trail of one Sales Record: who did what and when, with each field from → to. */
export function HistoryList({ recordId, lookups }: { recordId: string; lookups: LeadLookups }) {
  return <HistoryTimeline history={useSalesRecordHistory(recordId)} view={(e) => eventView(e, lookups)} />;
}
