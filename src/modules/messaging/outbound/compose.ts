import type { DbOrTx } from '../../../db/client.ts';
import { sendingNumber } from '../phone-numbers/phone-numbers.ts';
import {
  checkTextingWindow,
  countSegments,
  MAX_SMS_CHARACTERS,
  recipientZones,
  renderTemplate,
  validateTemplate,
  type SegmentInfo,
  type WindowViolation,
} from '../rules/index.ts';
import type { MessageChannel, phoneNumbers } from '../schema.ts';
import { loadMessagingSettings, type MessagingSettings } from '../settings/settings.ts';
import { loadTemplate, problemText } from '../templates/templates.ts';
import { optOutStatus, type OptOutEntry } from './opt-out-status.ts';
import {
  checkTextableNumber,
  loadRecipient,
  loadSender,
  mergeValues,
  type Recipient,
  type RecipientRef,
  type Sender,
} from './recipient.ts';
import { type Actor } from '../ports.ts';

export type ComposeInput = {
  channel: MessageChannel;
  to: RecipientRef;
  body: string;
  subject?: string | null | undefined;
  templateId?: string | undefined;
  fromPhoneNumberId?: string | undefined;
};

export type Problem = { code: string; message: string; path?: string };
export type WindowState = { allowed: boolean; nextAllowedAt: Date | null; reasons: WindowViolation[] };

/** Everything the send and the preview decide about a message, before anything is stored. */
export type Composition = {
  channel: MessageChannel;
  recipient: Recipient;
  sender: Sender;
  phoneNumber: typeof phoneNumbers.$inferSelect | null;
  settings: MessagingSettings;
  /** The recipient's address: E.164 for a text, an email address. Null when there is none. */
  toAddress: string | null;
  body: string;
  subject: string | null;
  segments: SegmentInfo | null;
  /** Bad input or record-level requirements not met (422): every one of them. */
  problems: Problem[];
  /** 409 reasons: no account number; opted out (with the ledger entry). */
  noPhoneNumber: boolean;
  optOut: OptOutEntry | null;
  window: WindowState;
};

/** The texting windows at `at` for a recipient: the sender's (settings, their zone) and the recipient's. */
export function textingWindow(
  settings: MessagingSettings,
  senderZone: string,
  r: { zip: string | null; state: string | null; phone: string | null },
  at: Date,
): WindowState {
  const zones = recipientZones({ zip: r.zip, state: r.state, phone: r.phone });
  const d = checkTextingWindow({
    at,
    sender: {
      zone: senderZone,
      window: { start: settings.senderWindowStart, end: settings.senderWindowEnd },
    },
    recipient: { zones: zones.zones, ...(zones.state ? { state: zones.state } : {}) },
  });
  return d.allowed
    ? { allowed: true, nextAllowedAt: null, reasons: [] }
    : { allowed: false, nextAllowedAt: d.nextAllowedAt, reasons: d.reasons };
}

function render(
  text: string,
  values: Parameters<typeof renderTemplate>[1],
  channel: MessageChannel,
  path: string,
  problems: Problem[],
) {
  const found = validateTemplate(text);
  if (found.length) {
    for (const p of found)
      problems.push({
        code: p.code === 'unknown_field' ? 'unknown_merge_field' : 'template_syntax',
        message: problemText(p),
        path,
      });
    return text;
  }
  return renderTemplate(text, values, channel);
}

/**
 * Work out a message for a record: recipient (access checked: 404 out of scope, 403 without the
 * send task), sending number, merge fields, length, the recipient's number, opt-out and windows.
 * Throws only for access; every other finding is returned, so the preview can show them all.
 */
export async function compose(db: DbOrTx, actor: Actor, input: ComposeInput, at: Date): Promise<Composition> {
  const recipient = await loadRecipient(db, actor, input.to);
  const [sender, settings] = await Promise.all([
    loadSender(db, actor),
    loadMessagingSettings(db, actor.accountId),
  ]);
  if (input.templateId) await loadTemplate(db, actor, input.templateId);
  const problems: Problem[] = recipient.problems.map((p) => ({ ...p }));
  let phoneNumber: Composition['phoneNumber'] = null;
  if (input.channel === 'sms') phoneNumber = await sendingNumber(db, actor, input.fromPhoneNumberId);
  const values = mergeValues(recipient, sender, phoneNumber?.number ?? null);
  const body = render(input.body, values, input.channel, 'body', problems);
  const subject = input.subject ? render(input.subject, values, input.channel, 'subject', problems) : null;
  let toAddress: string | null = null;
  let segments: SegmentInfo | null = null;
  let optOut: OptOutEntry | null = null;
  let window: WindowState = { allowed: true, nextAllowedAt: null, reasons: [] };
  if (input.channel === 'sms') {
    segments = countSegments(body);
    if (body.length > MAX_SMS_CHARACTERS)
      problems.push({
        code: 'too_long',
        path: 'body',
        message: `The text is ${body.length} characters after merge fields; the most is ${MAX_SMS_CHARACTERS}. Shorten it.`,
      });
    if (body.trim() === '') problems.push({ code: 'empty', path: 'body', message: 'The text is empty.' });
    const number = checkTextableNumber(recipient.phone, recipient.name);
    if (number.ok) toAddress = number.e164;
    else problems.push({ code: number.code, path: 'to', message: number.message });
    if (toAddress && phoneNumber) {
      const status = await optOutStatus(db, actor.accountId, toAddress, phoneNumber.number);
      if (status.optedOut) optOut = status.entry;
    }
    window = textingWindow(
      settings,
      sender.timeZone,
      { ...recipient, phone: toAddress ?? recipient.phone },
      at,
    );
  } else {
    if (!recipient.email)
      problems.push({
        code: 'no_email',
        path: 'to',
        message: `${recipient.name} has no email address: add one to the record.`,
      });
    else toAddress = recipient.email;
    if (!subject?.trim())
      problems.push({ code: 'no_subject', path: 'subject', message: 'An email needs a subject.' });
  }
  return {
    channel: input.channel,
    recipient,
    sender,
    phoneNumber,
    settings,
    toAddress,
    body,
    subject,
    segments,
    problems,
    noPhoneNumber: input.channel === 'sms' && !phoneNumber,
    optOut,
    window,
  };
}
