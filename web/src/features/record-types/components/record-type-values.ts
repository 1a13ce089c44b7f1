import type { RecordType } from '../../../lib/queries/record-types';
import type { RecordTypeInput } from '../api/create-record-type';

/** A status row in the editor; `key` is stable across moves, `id` exists once saved. */
export type StatusRow = {
  key: string;
  id?: string;
  name: string;
  /** Closed (won or lost): no temperature, not counted as open. The closed-won status is always closed. */
  closed: boolean;
};

export type RecordTypeValues = {
  name: string;
  description: string;
  statuses: StatusRow[];
  /** The key of the closed-won status, or "none". */
  closedWon: string;
};

let seq = 0;
export const newStatus = (name = '', closed = false): StatusRow => ({ key: `new-${++seq}`, name, closed });

export function recordTypeValues(rt: RecordType | null): RecordTypeValues {
  if (!rt) {
    const won = newStatus('Closed won', true);
    return {
      name: '',
      description: '',
      statuses: [newStatus('New'), newStatus('Contacted'), won, newStatus('Closed lost', true)],
      closedWon: won.key,
    };
  }
  return {
    name: rt.name,
    description: rt.description,
    statuses: rt.statuses.map((s) => ({ key: s.id, id: s.id, name: s.name, closed: s.isClosed })),
    closedWon: rt.statuses.find((s) => s.isClosedWon)?.id ?? 'none',
  };
}

/** The statuses as the API takes them: in order, saved ones with their id. */
export const statusesInput = (v: RecordTypeValues): RecordTypeInput['statuses'] =>
  v.statuses.map((s) => ({
    ...(s.id ? { id: s.id } : {}),
    name: s.name.trim(),
    isClosedWon: s.key === v.closedWon,
    isClosed: s.closed || s.key === v.closedWon,
  }));

export function validateRecordType(v: RecordTypeValues): Record<string, string | null> {
  const errors: Record<string, string | null> = {
    name: v.name.trim() ? null : 'Give the record type a name.',
    statuses: v.statuses.length ? null : 'Add at least one status.',
  };
  const seen = new Set<string>();
  v.statuses.forEach((s, i) => {
    const name = s.name.trim().toLowerCase();
    errors[`statuses.${i}.name`] = !name
      ? 'Name the status or remove it.'
      : seen.has(name)
        ? 'Status names must differ.'
        : null;
    seen.add(name);
  });
  return errors;
}
