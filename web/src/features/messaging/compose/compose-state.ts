import {
  countSegments,
  MAX_SMS_CHARACTERS,
  type SegmentInfo,
} from '../../../../../src/modules/messaging/rules/segments';
import type { Channel, MessageTemplate, Preview, RecordRef, SendInput } from '../api/types';

/**
 * The compose dialog's state as a reducer, so its rules are plain functions with tests: the
 * channel, body, subject, template and attachments; the live segment counter (the server's own
 * algorithm, imported); and the outside-the-window step, where the user chooses to send when the
 * window opens or to cancel.
 */
export type ComposeState = {
  channel: Channel;
  body: string;
  subject: string;
  templateId: string | null;
  attachmentFileIds: string[];
  /** Set when the window is closed and the user must choose: queue until this time, or cancel. */
  outsideWindow: { nextAllowedAt: string | null; reasons: string[] } | null;
  /** Where the caret was last in the body (merge fields go there). */
  caret: number;
};

export type ComposeAction =
  | { type: 'channel'; channel: Channel }
  | { type: 'body'; body: string; caret?: number }
  | { type: 'subject'; subject: string }
  | { type: 'caret'; caret: number }
  | { type: 'template'; template: MessageTemplate | null }
  | { type: 'insertField'; field: string; selectionStart?: number; selectionEnd?: number }
  | { type: 'toggleAttachment'; fileId: string }
  | { type: 'outsideWindow'; nextAllowedAt: string | null; reasons: string[] }
  | { type: 'backToEdit' }
  | { type: 'reset'; channel: Channel };

export const MAX_EMAIL_BODY = 100_000;
export const MAX_SUBJECT = 200;
export const MAX_ATTACHMENTS = 10;

export const initialComposeState = (channel: Channel = 'sms'): ComposeState => ({
  channel,
  body: '',
  subject: '',
  templateId: null,
  attachmentFileIds: [],
  outsideWindow: null,
  caret: 0,
});

export const mergeToken = (field: string) => `{{${field}}}`;

export function composeReducer(state: ComposeState, action: ComposeAction): ComposeState {
  switch (action.type) {
    case 'channel':
      if (action.channel === state.channel) return state;
      // A template is for one channel; attachments only for email.
      return {
        ...state,
        channel: action.channel,
        templateId: null,
        attachmentFileIds: action.channel === 'email' ? state.attachmentFileIds : [],
        outsideWindow: null,
      };
    case 'body':
      return { ...state, body: action.body, caret: action.caret ?? action.body.length, outsideWindow: null };
    case 'subject':
      return { ...state, subject: action.subject };
    case 'caret':
      return { ...state, caret: Math.max(0, Math.min(action.caret, state.body.length)) };
    case 'template':
      if (!action.template) return { ...state, templateId: null };
      if (action.template.channel !== state.channel) return state;
      return {
        ...state,
        templateId: action.template.id,
        body: action.template.body,
        subject:
          action.template.channel === 'email' ? (action.template.subject ?? state.subject) : state.subject,
        caret: action.template.body.length,
        outsideWindow: null,
      };
    case 'insertField': {
      const token = mergeToken(action.field);
      const start = clamp(action.selectionStart ?? state.caret, state.body.length);
      const end = clamp(Math.max(start, action.selectionEnd ?? start), state.body.length);
      const body = state.body.slice(0, start) + token + state.body.slice(end);
      return { ...state, body, caret: start + token.length, outsideWindow: null };
    }
    case 'toggleAttachment': {
      if (state.channel !== 'email') return state;
      const has = state.attachmentFileIds.includes(action.fileId);
      if (!has && state.attachmentFileIds.length >= MAX_ATTACHMENTS) return state;
      return {
        ...state,
        attachmentFileIds: has
          ? state.attachmentFileIds.filter((x) => x !== action.fileId)
          : [...state.attachmentFileIds, action.fileId],
      };
    }
    case 'outsideWindow':
      return { ...state, outsideWindow: { nextAllowedAt: action.nextAllowedAt, reasons: action.reasons } };
    case 'backToEdit':
      return { ...state, outsideWindow: null };
    case 'reset':
      return initialComposeState(action.channel);
  }
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

export type Counter = SegmentInfo & {
  characters: number;
  max: number;
  tooLong: boolean;
  /** e.g. "GSM-7 · 12 characters left · 1 segment" */
  summary: string;
};

/**
 * The live counter for a text body as typed (merge fields count as written; the preview gives the
 * merged count). Characters are UTF-16 code units, as the server counts its 1,600 limit.
 */
export function smsCounter(body: string): Counter {
  const info = countSegments(body);
  const characters = body.length;
  const tooLong = characters > MAX_SMS_CHARACTERS;
  const over = characters - MAX_SMS_CHARACTERS;
  const seg = `${info.segments} segment${info.segments === 1 ? '' : 's'}`;
  const left = `${info.remaining} character${info.remaining === 1 ? '' : 's'} left`;
  return {
    ...info,
    characters,
    max: MAX_SMS_CHARACTERS,
    tooLong,
    summary: tooLong
      ? `${over} character${over === 1 ? '' : 's'} over the ${MAX_SMS_CHARACTERS.toLocaleString('en-US')} limit`
      : `${info.encoding} · ${left} · ${seg}`,
  };
}

export type Readiness = { ok: true } | { ok: false; reason: string };

/** Can the message be sent as it is? The first reason it cannot, for the button's hint. */
export function readiness(state: ComposeState, preview: Preview | null | undefined): Readiness {
  if (!state.body.trim()) return { ok: false, reason: 'Write a message first.' };
  if (state.channel === 'sms' && state.body.length > MAX_SMS_CHARACTERS)
    return {
      ok: false,
      reason: `A text can have at most ${MAX_SMS_CHARACTERS.toLocaleString('en-US')} characters.`,
    };
  if (state.channel === 'email' && !state.subject.trim()) return { ok: false, reason: 'Add a subject.' };
  if (state.channel === 'email' && state.body.length > MAX_EMAIL_BODY)
    return { ok: false, reason: 'This email is too long.' };
  if (state.subject.length > MAX_SUBJECT)
    return { ok: false, reason: `A subject can have at most ${MAX_SUBJECT} characters.` };
  if (preview?.optedOut)
    return { ok: false, reason: 'This person opted out of texts from this number: nothing can be sent.' };
  const blocking = preview?.problems[0];
  if (blocking) return { ok: false, reason: blocking.message };
  return { ok: true };
}

/** The request for POST /messages. */
export function sendInput(
  state: ComposeState,
  to: RecordRef,
  opts: { whenOutsideWindow: 'refuse' | 'queue'; fromPhoneNumberId?: string | null },
): SendInput {
  return {
    channel: state.channel,
    to,
    body: state.body,
    ...(state.channel === 'email' ? { subject: state.subject.trim() } : {}),
    ...(state.channel === 'email' && state.attachmentFileIds.length
      ? { attachmentFileIds: state.attachmentFileIds }
      : {}),
    ...(state.templateId ? { templateId: state.templateId } : {}),
    ...(state.channel === 'sms' && opts.fromPhoneNumberId
      ? { fromPhoneNumberId: opts.fromPhoneNumberId }
      : {}),
    whenOutsideWindow: opts.whenOutsideWindow,
  };
}

/** What a send's answer means for the dialog. */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'queued'; sendAfter: string | null }
  | { kind: 'outside_window'; nextAllowedAt: string | null }
  | { kind: 'refused'; message: string };

/** A problem's `code` (the contract's problems carry one next to RFC 9457's fields). */
export function problemCode(problem: unknown): string | null {
  if (problem && typeof problem === 'object' && 'code' in problem && typeof problem.code === 'string')
    return problem.code;
  return null;
}

export function outcomeOfProblem(problem: { detail: string } & Record<string, unknown>): SendOutcome {
  if (problemCode(problem) === 'outside_window') {
    const at = problem.nextAllowedAt;
    return { kind: 'outside_window', nextAllowedAt: typeof at === 'string' ? at : null };
  }
  return { kind: 'refused', message: problem.detail };
}

/** The outside-window step's question, e.g. "Send when the window opens at Mon 8:00 AM". */
export function queueLabel(nextAllowedAt: string | null, format: (iso: string) => string): string {
  return nextAllowedAt
    ? `Send when the window opens at ${format(nextAllowedAt)}`
    : 'Send when the window opens';
}
