import type { KeyedLead, LeadValues } from '../intake/index.ts';

/** A valid row: its values, its match keys (leadKeys) and its notes. */
export type PlannedRow = KeyedLead & { notes: string[] };
export type BatchPlan = {
  /** New records, in file order, with the ids they will have and the match keys of their row. */
  creates: { id: string; values: LeadValues; notes: string[]; keys: string[] }[];
  /** Existing records to fill in (duplicates with "update"): id → values for their blank fields. */
  updates: Map<string, LeadValues>;
  counts: { created: number; updated: number; skipped: number };
};

/** `into` with its missing fields filled from `from` (the earlier value wins). */
function fillInto(into: LeadValues, from: LeadValues) {
  for (const k in from) {
    const key = k as keyof LeadValues;
    if (from[key] != null && into[key] == null) into[key] = from[key];
  }
}

/** A copy (by a plain loop: much cheaper than a spread for these objects in a hot path). */
function copyOf(v: LeadValues): LeadValues {
  const c: LeadValues = {};
  for (const k in v) c[k as keyof LeadValues] = v[k as keyof LeadValues];
  return c;
}

/**
 * Pure: what to do with a batch's valid rows, in file order, given the existing records that share
 * a key with them (`existing`, key → id, see leadKeys). A row is a duplicate when one of its keys
 * — tried in order of preference, each first against existing records then against earlier rows of
 * the batch — belongs to a record:
 * - an existing record: skipped, or with "update" its blank fields are filled from the row;
 * - a record created from an earlier row of the batch: skipped, or with "update" the blanks of
 *   that new record are filled from the row.
 * Otherwise the row creates a record. Either way the row's keys then point at its record, so a
 * later row that shares only a key with the duplicate is found too. Notes of duplicates are not
 * kept (the row was not imported as a record).
 */
export function planBatch(
  rows: PlannedRow[],
  existing: Map<string, string>,
  duplicates: 'skip' | 'update',
  newId: () => string,
): BatchPlan {
  const creates: BatchPlan['creates'] = [];
  const byId = new Map<string, BatchPlan['creates'][number]>();
  const merged = new Set<string>(); // new records whose values were copied before filling in
  const updates = new Map<string, LeadValues>();
  const inBatch = new Map<string, string>();
  const counts = { created: 0, updated: 0, skipped: 0 };
  for (const r of rows) {
    const keys = r.keys;
    let target: string | undefined;
    for (const k of keys) {
      target = existing.get(k) ?? inBatch.get(k);
      if (target) break;
    }
    if (!target) {
      const c = { id: newId(), values: r.values, notes: r.notes, keys };
      creates.push(c);
      byId.set(c.id, c);
      counts.created++;
      target = c.id;
    } else if (duplicates === 'skip') counts.skipped++;
    else {
      const pending = byId.get(target);
      if (pending) {
        if (!merged.has(target)) {
          merged.add(target);
          pending.values = copyOf(pending.values); // the caller's row stays as it was
        }
        fillInto(pending.values, r.values);
      } else {
        const fill = updates.get(target) ?? {};
        fillInto(fill, r.values);
        updates.set(target, fill);
      }
      counts.updated++;
    }
    for (const k of keys) if (!existing.has(k) && !inBatch.has(k)) inBatch.set(k, target);
  }
  return { creates, updates, counts };
}
