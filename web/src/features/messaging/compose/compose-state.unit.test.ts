import { describe, expect, it } from 'vitest';
import type { MessageTemplate, Preview } from '../api/types';
import {
  composeReducer,
  initialComposeState,
  outcomeOfProblem,
  queueLabel,
  readiness,
  sendInput,
  smsCounter,
  type ComposeState,
} from './compose-state';

const to = { type: 'sales_record' as const, id: 'r1' };
const smsTemplate: MessageTemplate = {
  id: 't1',
  name: 'Hello',
  channel: 'sms',
  subject: null,
  body: 'Hi {{firstName}}',
};
const emailTemplate: MessageTemplate = {
  id: 't2',
  name: 'Welcome',
  channel: 'email',
  subject: 'Welcome aboard',
  body: 'Dear {{firstName}},',
};
const preview = (over: Partial<Preview> = {}): Preview => ({
  body: 'x',
  subject: null,
  segments: { encoding: 'GSM-7', segments: 1, characters: 1, remainingInSegment: 159 },
  problems: [],
  window: { allowed: true, nextAllowedAt: null, reasons: [] },
  optedOut: false,
  ...over,
});
const run = (...actions: Parameters<typeof composeReducer>[1][]) =>
  actions.reduce<ComposeState>(composeReducer, initialComposeState('sms'));

describe('the compose dialog’s state', () => {
  it('inserts a merge field at the caret, replacing a selection, and moves the caret after it', () => {
    const s = run(
      { type: 'body', body: 'Hello  there', caret: 6 },
      { type: 'insertField', field: 'firstName' },
    );
    expect(s.body).toBe('Hello {{firstName}} there');
    expect(s.caret).toBe(6 + '{{firstName}}'.length);
    const replaced = composeReducer(s, {
      type: 'insertField',
      field: 'agentName',
      selectionStart: 0,
      selectionEnd: 5,
    });
    expect(replaced.body).toBe('{{agentName}} {{firstName}} there');
    // A caret past the end (stale) is clamped.
    expect(composeReducer(run(), { type: 'insertField', field: 'x', selectionStart: 99 }).body).toBe('{{x}}');
  });

  it('applies a template of its channel only, with an email’s subject', () => {
    const s = run({ type: 'template', template: smsTemplate });
    expect(s).toMatchObject({ templateId: 't1', body: 'Hi {{firstName}}' });
    expect(composeReducer(s, { type: 'template', template: emailTemplate })).toBe(s);
    const e = composeReducer(composeReducer(s, { type: 'channel', channel: 'email' }), {
      type: 'template',
      template: emailTemplate,
    });
    expect(e).toMatchObject({ channel: 'email', templateId: 't2', subject: 'Welcome aboard' });
  });

  it('keeps attachments for email only, at most ten', () => {
    let s = run({ type: 'toggleAttachment', fileId: 'f0' });
    expect(s.attachmentFileIds).toEqual([]);
    s = composeReducer(s, { type: 'channel', channel: 'email' });
    for (let i = 0; i < 12; i++) s = composeReducer(s, { type: 'toggleAttachment', fileId: `f${i}` });
    expect(s.attachmentFileIds).toHaveLength(10);
    s = composeReducer(s, { type: 'toggleAttachment', fileId: 'f3' });
    expect(s.attachmentFileIds).not.toContain('f3');
    expect(composeReducer(s, { type: 'channel', channel: 'sms' }).attachmentFileIds).toEqual([]);
  });

  it('counts segments as the server does: GSM-7 160/153, UCS-2 70/67, 1,600 at most', () => {
    expect(smsCounter('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, remaining: 0 });
    expect(smsCounter('a'.repeat(161))).toMatchObject({ segments: 2, remaining: 153 * 2 - 161 });
    expect(smsCounter('é'.repeat(10)).encoding).toBe('GSM-7');
    const ucs = smsCounter(`${'a'.repeat(69)}ł`);
    expect(ucs).toMatchObject({ encoding: 'UCS-2', segments: 1, remaining: 0 });
    expect(smsCounter(`${'a'.repeat(70)}ł`)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(smsCounter('Hi').summary).toBe('GSM-7 · 158 characters left · 1 segment');
    expect(smsCounter('x'.repeat(1600)).tooLong).toBe(false);
    const over = smsCounter('x'.repeat(1601));
    expect(over.tooLong).toBe(true);
    expect(over.summary).toBe('1 character over the 1,600 limit');
  });

  it('says why it cannot send: empty, too long, no subject, opted out, a problem', () => {
    expect(readiness(run(), null)).toEqual({ ok: false, reason: 'Write a message first.' });
    expect(readiness(run({ type: 'body', body: 'x'.repeat(1601) }), null).ok).toBe(false);
    const email = run({ type: 'channel', channel: 'email' }, { type: 'body', body: 'Hello' });
    expect(readiness(email, null)).toEqual({ ok: false, reason: 'Add a subject.' });
    const ready = run({ type: 'body', body: 'Hello' });
    expect(readiness(ready, preview())).toEqual({ ok: true });
    expect(readiness(ready, preview({ optedOut: true })).ok).toBe(false);
    expect(
      readiness(
        ready,
        preview({ problems: [{ code: 'unknown_merge_field', message: 'Unknown field {{x}}.' }] }),
      ),
    ).toEqual({ ok: false, reason: 'Unknown field {{x}}.' });
    // A closed window does not block: the user chooses to queue or cancel.
    expect(
      readiness(ready, preview({ window: { allowed: false, nextAllowedAt: null, reasons: [] } })),
    ).toEqual({
      ok: true,
    });
  });

  it('builds the send request: subject and attachments for email, the number for texts', () => {
    const sms = run({ type: 'template', template: smsTemplate });
    expect(sendInput(sms, to, { whenOutsideWindow: 'refuse', fromPhoneNumberId: 'p1' })).toEqual({
      channel: 'sms',
      to,
      body: 'Hi {{firstName}}',
      templateId: 't1',
      fromPhoneNumberId: 'p1',
      whenOutsideWindow: 'refuse',
    });
    const email = run(
      { type: 'channel', channel: 'email' },
      { type: 'subject', subject: ' Policy ' },
      { type: 'body', body: 'See attached' },
      { type: 'toggleAttachment', fileId: 'f1' },
    );
    expect(sendInput(email, to, { whenOutsideWindow: 'queue', fromPhoneNumberId: 'p1' })).toEqual({
      channel: 'email',
      to,
      body: 'See attached',
      subject: 'Policy',
      attachmentFileIds: ['f1'],
      whenOutsideWindow: 'queue',
    });
  });

  it('turns a refusal into the outside-window choice or a message', () => {
    expect(
      outcomeOfProblem({ detail: 'Outside', code: 'outside_window', nextAllowedAt: '2030-01-02T13:00:00Z' }),
    ).toEqual({ kind: 'outside_window', nextAllowedAt: '2030-01-02T13:00:00Z' });
    expect(outcomeOfProblem({ detail: 'Opted out.', code: 'opted_out' })).toEqual({
      kind: 'refused',
      message: 'Opted out.',
    });
    expect(queueLabel('2030-01-02T13:00:00Z', () => 'Wed 8:00 AM')).toBe(
      'Send when the window opens at Wed 8:00 AM',
    );
    const s = run(
      { type: 'body', body: 'x' },
      { type: 'outsideWindow', nextAllowedAt: null, reasons: ['r'] },
    );
    expect(s.outsideWindow).toEqual({ nextAllowedAt: null, reasons: ['r'] });
    expect(composeReducer(s, { type: 'body', body: 'xy' }).outsideWindow).toBeNull();
  });
});
