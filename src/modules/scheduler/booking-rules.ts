import type { FieldProblem } from '../../lib/errors.ts';
import { parsePhone } from '../../lib/phone.ts';
import type { BookingForm } from './schema.ts';
import type { SlotRefusal } from './slots.ts';

/** The booking rules that need no database: the form, which record matches, who gets the slot. */

export const TEXT_MAX = 300;
export const LONG_TEXT_MAX = 2000;

export type BookingAnswer = { questionId: string; label: string; answer: string | boolean };

/**
 * Check a booker's phone and answers against the schedule's form, every problem at once. Returns
 * the phone in E.164 (null when not given and not required) and the answers in form order.
 */
export function checkBookingForm(
  form: BookingForm,
  body: { phone?: string | null | undefined; answers?: Record<string, unknown> | undefined },
): { problems: FieldProblem[]; phone: string | null; answers: BookingAnswer[] } {
  const problems: FieldProblem[] = [];
  let phone: string | null = null;
  const rawPhone = body.phone?.trim() ?? '';
  if (rawPhone === '') {
    if (form.phoneRequired) problems.push({ path: 'phone', message: 'Required.' });
  } else {
    const parsed = parsePhone(rawPhone);
    if (parsed.ok) phone = parsed.e164;
    else problems.push({ path: 'phone', message: parsed.message });
  }
  const given = body.answers ?? {};
  const known = new Set(form.questions.map((q) => q.id));
  for (const k of Object.keys(given))
    if (!known.has(k)) problems.push({ path: `answers.${k}`, message: 'Unknown question.' });
  const answers: BookingAnswer[] = [];
  for (const q of form.questions) {
    const v = given[q.id];
    const path = `answers.${q.id}`;
    const blank = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (blank) {
      if (q.required) problems.push({ path, message: 'Required.' });
      continue;
    }
    if (q.type === 'yes_no') {
      if (typeof v !== 'boolean') problems.push({ path, message: 'Must be yes (true) or no (false).' });
      else answers.push({ questionId: q.id, label: q.label, answer: v });
      continue;
    }
    if (typeof v !== 'string') {
      problems.push({ path, message: 'Must be text.' });
      continue;
    }
    const text = v.trim();
    if (q.type === 'choice' && !q.options.includes(text))
      problems.push({ path, message: `Must be one of: ${q.options.join(', ')}.` });
    else if (q.type === 'text' && text.length > TEXT_MAX)
      problems.push({ path, message: `Must be at most ${TEXT_MAX} characters.` });
    else if (q.type === 'long_text' && text.length > LONG_TEXT_MAX)
      problems.push({ path, message: `Must be at most ${LONG_TEXT_MAX} characters.` });
    else answers.push({ questionId: q.id, label: q.label, answer: text });
  }
  return { problems, phone, answers };
}

export type MatchKey = 'email' | 'phone' | 'name';
/** A record that matched the booker on one or more keys. */
export type MatchCandidate = {
  id: string;
  createdAt: Date;
  byEmail: boolean;
  byPhone: boolean;
  byName: boolean;
};

/**
 * Which of several matching records wins (decision 008): the strongest key first — email, then
 * phone or cell, then name (first and last, case-insensitive) — and among records matched on the
 * same strongest key, the most recently created.
 */
export function bestMatch<C extends MatchCandidate>(
  candidates: readonly C[],
): { record: C; on: MatchKey } | null {
  const strength = (c: C): [number, MatchKey] | null =>
    c.byEmail ? [3, 'email'] : c.byPhone ? [2, 'phone'] : c.byName ? [1, 'name'] : null;
  let best: { record: C; on: MatchKey; s: number } | null = null;
  for (const c of candidates) {
    const s = strength(c);
    if (!s) continue;
    if (
      !best ||
      s[0] > best.s ||
      (s[0] === best.s &&
        (c.createdAt > best.record.createdAt ||
          (c.createdAt.getTime() === best.record.createdAt.getTime() && c.id > best.record.id)))
    )
      best = { record: c, on: s[1], s: s[0] };
  }
  return best && { record: best.record, on: best.on };
}

/**
 * Who gets a booked slot (decision 008): the matched record's assigned user when that user is on
 * the list and free, else the first free user of the list — a static order, never rotated.
 */
export function chooseUser(free: readonly string[], preferred: string | null): string {
  if (preferred && free.includes(preferred)) return preferred;
  return free[0]!;
}

/** What a refused slot tells the booker: 422 for rules of the schedule, 409 when it is taken. */
export function refusalMessage(reason: SlotRefusal): {
  code: 'rule_violation' | 'conflict';
  message: string;
} {
  switch (reason) {
    case 'past':
      return { code: 'rule_violation', message: 'This time has already passed. Choose a later time.' };
    case 'notice':
      return {
        code: 'rule_violation',
        message: 'This time is too soon: the schedule needs more notice. Choose a later time.',
      };
    case 'horizon':
      return {
        code: 'rule_violation',
        message: 'This time is too far ahead to book yet. Choose an earlier date.',
      };
    case 'off_grid':
      return {
        code: 'rule_violation',
        message: 'This is not one of the offered start times. Choose a listed time.',
      };
    case 'outside_hours':
      return {
        code: 'rule_violation',
        message: 'This time is outside the schedule’s hours. Choose a listed time.',
      };
    case 'taken':
      return { code: 'conflict', message: 'This time was just taken. Choose another time.' };
  }
}
