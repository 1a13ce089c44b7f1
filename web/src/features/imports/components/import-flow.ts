import type { ImportStatus } from '../api/keys';

/*
 * Pure rules of the import screens: which step an import is at, its progress as a percentage, and
 * the problems of a column mapping (in the words of the API's own checks). No React, no fetching.
 */

/** A column's target as the API takes it: a lead field key, `note`, or `ignore`. */
export const NOTE = 'note';
export const IGNORE = 'ignore';
/** What the API suggests for a heading that is not documented (the user must choose). */
export const UNMAPPED = 'unmapped';

export type Column = { key: string; heading: string; required: boolean };
/** Each file column's chosen target, in file order; null when not chosen yet. */
export type Targets = (string | null)[];
export type MappingProblem = { column: number | null; message: string };

/** The wizard's steps, in order (the Stepper's index). */
export const STEPS = ['upload', 'mapping', 'defaults', 'import', 'result'] as const;
export type Step = (typeof STEPS)[number];

/** Whether the import's job is still to finish (the UI polls its progress meanwhile). */
export const isRunning = (status: ImportStatus | undefined): boolean =>
  status === 'queued' || status === 'running';

/** The step an import in `status` is at; an uploaded one is at mapping or defaults (the user's choice). */
export function stepOf(status: ImportStatus | undefined, uploadedStep: 'mapping' | 'defaults'): Step {
  if (!status) return 'upload';
  if (status === 'uploaded') return uploadedStep;
  if (isRunning(status)) return 'import';
  return 'result';
}

/**
 * Rows done as a whole percentage 0–100: rounded down, and 100 only once the import has finished
 * (the last batch is counted before the import is marked completed).
 */
export function progressPercent(p: {
  status: ImportStatus;
  processedRows: number;
  totalRows: number;
}): number {
  if (p.status === 'completed') return 100;
  if (p.totalRows <= 0) return 0;
  const pct = Math.floor((Math.max(0, p.processedRows) * 100) / p.totalRows);
  return Math.min(pct, isRunning(p.status) || p.status === 'uploaded' ? 99 : 100);
}

/**
 * What a screen reader hears while the import runs: the percentage in steps of 10, so the live
 * region speaks about ten times rather than at every poll.
 */
export function progressAnnouncement(p: { status: ImportStatus; processedRows: number; totalRows: number }) {
  if (p.status === 'queued') return 'The import is waiting to start.';
  const pct = progressPercent(p);
  if (pct === 100) return 'The import has finished.';
  return `The import is ${Math.floor(pct / 10) * 10}% done.`;
}

/** The API's suggested mapping as targets to choose from: undocumented headings start unchosen. */
export const initialTargets = (mapping: { target: string }[]): Targets =>
  mapping.map((m) => (m.target === UNMAPPED || m.target === '' ? null : m.target));

const quoted = (s: string) => `“${s}”`;

/** The documented headings, in order, as the file should have them (Note last). */
export const expectedHeadings = (columns: Column[]): string[] => [
  ...columns.filter((c) => c.key !== NOTE).map((c) => c.heading),
  ...columns.filter((c) => c.key === NOTE).map((c) => c.heading),
];

/**
 * Every problem of a mapping, as the API would report it at start: columns with no target yet
 * (undocumented headings), a field chosen for two columns, a required heading missing (with the
 * headings found).
 */
export function mappingProblems(headings: string[], targets: Targets, columns: Column[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const fields = columns.filter((c) => c.key !== NOTE);
  const byKey = new Map(fields.map((c) => [c.key, c]));
  const firstColumn = new Map<string, number>();
  headings.forEach((heading, i) => {
    const target = targets[i] ?? null;
    if (target === null) {
      problems.push({
        column: i,
        message: `Column ${i + 1} ${quoted(heading)} is not a documented heading: map it to Note, ignore it, or pick the field it holds.`,
      });
      return;
    }
    if (target === NOTE || target === IGNORE) return;
    const field = byKey.get(target);
    if (!field) {
      problems.push({ column: i, message: `Column ${i + 1} ${quoted(heading)} has an unknown target.` });
      return;
    }
    const first = firstColumn.get(target);
    if (first === undefined) firstColumn.set(target, i);
    else
      problems.push({
        column: i,
        message: `${quoted(field.heading)} is already mapped from column ${first + 1}.`,
      });
  });
  for (const c of fields) {
    if (c.required && !firstColumn.has(c.key))
      problems.push({
        column: null,
        message: `The required column ${quoted(c.heading)} is missing (found: ${headings.join(', ') || 'no headings'}).`,
      });
  }
  return problems;
}

/**
 * The API's field problems (`errors[].path`) sorted by step: `mapping.N` belongs to column N of
 * the mapping, `mapping` to the mapping as a whole, anything else (record type, status, agent)
 * to the defaults.
 */
export function splitStartProblems(errors: { path: string; message: string }[]): {
  mapping: MappingProblem[];
  defaults: { path: string; message: string }[];
} {
  const mapping: MappingProblem[] = [];
  const defaults: { path: string; message: string }[] = [];
  for (const e of errors) {
    const m = /^mapping(?:\.(\d+))?$/.exec(e.path);
    if (m) mapping.push({ column: m[1] === undefined ? null : Number(m[1]), message: e.message });
    else defaults.push(e);
  }
  return { mapping, defaults };
}

/** "1 row" / "2,500 rows". */
export const rowsText = (n: number): string => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
