import twilio from 'twilio';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { newId } from '../../src/lib/ids.ts';
import { phoneNumbers } from '../../src/modules/messaging/schema.ts';
import type { TestApp } from './app.ts';

/** The auth token tests configure; webhooks are signed with it by the twilio package itself. */
export const TWILIO_TOKEN = 'test-auth-token-0123456789abcdef';
export const WEBHOOK_PATH = '/api/webhooks/twilio/sms';

/** An account number (sms-out's POST /phone-numbers is not on this branch: written directly). */
export async function addAccountNumber(t: TestApp, accountId: string, number: string, label = 'Main') {
  const id = newId();
  await t.deps.db.insert(phoneNumbers).values({ accountId, id, number, label, provider: 'twilio' });
  return id;
}

let seq = 0;
/** A unique NANP number (+1 312 area, valid for libphonenumber-js). */
export const fakePhone = () =>
  `+1312${String(2_000_000 + ((process.pid * 7919 + seq++ * 104_729) % 7_999_999)).padStart(7, '0')}`;

export const messageSid = () => `SM${randomBytes(16).toString('hex')}`;

export function twilioForm(p: {
  from: string;
  to: string;
  body: string;
  sid?: string;
}): Record<string, string> {
  return {
    ToCountry: 'US',
    SmsMessageSid: p.sid ?? messageSid(),
    NumMedia: '0',
    From: p.from,
    To: p.to,
    Body: p.body,
    MessageSid: p.sid ?? messageSid(),
    AccountSid: `AC${'0'.repeat(32)}`,
    SmsStatus: 'received',
    NumSegments: '1',
    ApiVersion: '2010-04-01',
  };
}

/** POST the inbound webhook as Twilio does: form-encoded, signed over `signedUrl` (default: BASE_URL's). */
export function postWebhook(
  t: TestApp,
  params: Record<string, string>,
  opts: {
    signedUrl?: string;
    token?: string;
    signature?: string | null;
    headers?: Record<string, string>;
  } = {},
): Promise<LightMyRequestResponse> {
  const url = opts.signedUrl ?? `${t.deps.config.baseUrl}${WEBHOOK_PATH}`;
  const signature =
    opts.signature === undefined
      ? twilio.getExpectedTwilioSignature(opts.token ?? TWILIO_TOKEN, url, params)
      : opts.signature;
  return t.app.inject({
    method: 'POST',
    url: WEBHOOK_PATH,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature !== null ? { 'x-twilio-signature': signature } : {}),
      ...opts.headers,
    },
    payload: new URLSearchParams(params).toString(),
  });
}
