import type { FieldProblem } from '../../lib/errors.ts';

/** The fields of an activity that the shape rules look at (after a patch is applied). */
export type ActivityShape = {
  subject: string;
  ownerUserId: string | null;
  ownerTeamId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  dueAt: Date | null;
  salesRecordId: string | null;
  individualId: string | null;
  agentId: string | null;
  notes: string;
  details: Record<string, unknown>;
};

export const SUBJECT_MAX = 200;
export const NOTES_MAX = 10_000;
export const DETAILS_MAX_BYTES = 20_000;
/** A timed activity lasts at most this long (a typo in a year should not block a month). */
export const MAX_DURATION_MS = 14 * 24 * 3600_000;

const validDate = (d: Date | null): boolean => d === null || !Number.isNaN(d.getTime());

/**
 * Every rule of an activity's shape, all problems at once: a subject; exactly one owner (a user or
 * a team); a start time (optionally an end not before it) or a due time, not both; at most one
 * record. Pure — references (type, status, owner, record) are checked against the database apart.
 */
export function activityShapeProblems(a: ActivityShape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const p = (path: string, message: string) => problems.push({ path, message });

  const subject = a.subject.trim();
  if (subject.length === 0) p('subject', 'Required.');
  else if (subject.length > SUBJECT_MAX) p('subject', `Must be at most ${SUBJECT_MAX} characters.`);

  if (a.ownerUserId !== null && a.ownerTeamId !== null)
    p('ownerTeamId', 'An activity has one owner: a user or a team, not both.');
  else if (a.ownerUserId === null && a.ownerTeamId === null)
    p('ownerUserId', 'Choose the owner: a user or a team.');

  for (const k of ['startsAt', 'endsAt', 'dueAt'] as const)
    if (!validDate(a[k])) p(k, 'Must be a valid date and time.');
  if (a.startsAt === null && a.dueAt === null) p('startsAt', 'Give a start time or a due time.');
  if (a.startsAt !== null && a.dueAt !== null)
    p('dueAt', 'An activity has a start time or a due time, not both.');
  if (a.endsAt !== null && a.startsAt === null) p('endsAt', 'An end time needs a start time.');
  if (a.endsAt !== null && a.startsAt !== null && validDate(a.endsAt) && validDate(a.startsAt)) {
    const ms = a.endsAt.getTime() - a.startsAt.getTime();
    if (ms < 0) p('endsAt', 'Must not be before the start time.');
    else if (ms > MAX_DURATION_MS) p('endsAt', 'An activity lasts at most 14 days.');
  }

  const records = [a.salesRecordId, a.individualId, a.agentId].filter((x) => x !== null).length;
  if (records > 1) p('salesRecordId', 'An activity belongs to at most one record.');

  if (a.notes.length > NOTES_MAX) p('notes', `Must be at most ${NOTES_MAX} characters.`);
  if (JSON.stringify(a.details).length > DETAILS_MAX_BYTES)
    p('details', `Must be at most ${DETAILS_MAX_BYTES} characters of JSON.`);
  return problems;
}

/** An activity of an Appointment-category type blocks time, so it needs both ends of that time. */
export function appointmentProblems(a: Pick<ActivityShape, 'startsAt' | 'endsAt'>): FieldProblem[] {
  if (a.startsAt !== null && a.endsAt !== null) return [];
  return [{ path: 'endsAt', message: 'An appointment needs a start and an end time.' }];
}

/** Half-open intervals [aStart, aEnd) and [bStart, bEnd) overlap. */
export const overlaps = (aStart: Date, aEnd: Date, bStart: Date, bEnd: Date): boolean =>
  aStart.getTime() < bEnd.getTime() && bStart.getTime() < aEnd.getTime();
