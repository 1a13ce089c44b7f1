import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A test double of Twilio's REST Messages resource (`POST /2010-04-01/Accounts/{Sid}/Messages.json`),
 * at its HTTP boundary: Basic auth with the account SID and auth token, form fields To/From/Body/
 * StatusCallback, answers shaped like Twilio's (201 with `sid`, `status: queued`; 4xx with `code`).
 * It can fail the next requests with a 5xx, hang them (never answer), or refuse a number with a
 * Twilio error code.
 */
export type FakeTwilioMessage = {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string;
  at: number;
};

export type FakeTwilio = {
  url: string;
  accountSid: string;
  authToken: string;
  /** Every accepted message, in order. */
  messages: FakeTwilioMessage[];
  /** Requests refused for bad auth or missing fields. */
  rejected: { status: number; reason: string }[];
  /** The next `n` requests answer 503 (an outage). */
  failNext(n: number, status?: number): void;
  /** Every request from now on answers `status` (0: back to normal). */
  failAll(status: number): void;
  /** Requests hang (never answered) while on. */
  hang(on: boolean): void;
  /** Texts to this number are refused with a Twilio error (e.g. 21610 unsubscribed, 21211 invalid). */
  refuse(to: string, code: number, status?: number): void;
  requests: number;
  close(): Promise<void>;
};

export async function startFakeTwilio(
  opts: { accountSid?: string; authToken?: string; port?: number } = {},
): Promise<FakeTwilio> {
  const accountSid = opts.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = opts.authToken ?? randomBytes(16).toString('hex');
  const messages: FakeTwilioMessage[] = [];
  const rejected: FakeTwilio['rejected'] = [];
  const refusals = new Map<string, { code: number; status: number }>();
  let failNext = 0;
  let failStatus = 503;
  let failAll = 0;
  let hanging = false;
  const hung: http.ServerResponse[] = [];
  const state = { requests: 0 };

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (res: http.ServerResponse, status: number, code: number, message: string) =>
    json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
      if (req.method !== 'POST' || req.url !== path) {
        rejected.push({ status: 404, reason: `${req.method} ${req.url}` });
        return error(res, 404, 20404, 'The requested resource was not found');
      }
      const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        rejected.push({ status: 401, reason: 'auth' });
        return error(res, 401, 20003, 'Authenticate');
      }
      if (hanging) {
        hung.push(res);
        return;
      }
      if (failAll) return error(res, failAll, 20500, 'Internal Server Error');
      if (failNext > 0) {
        failNext--;
        return error(res, failStatus, 20500, 'Service Unavailable');
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To');
      const from = form.get('From');
      const body = form.get('Body');
      const statusCallback = form.get('StatusCallback');
      if (!to || !from || !body || !statusCallback) {
        rejected.push({ status: 400, reason: 'fields' });
        return error(res, 400, 21604, "A 'To', 'From', 'Body' and 'StatusCallback' are required here.");
      }
      const refusal = refusals.get(to);
      if (refusal) return error(res, refusal.status, refusal.code, `Refused: error ${refusal.code}`);
      const sid = `SM${randomBytes(16).toString('hex')}`;
      messages.push({ sid, to, from, body, statusCallback, at: Date.now() });
      const now = new Date().toUTCString();
      json(res, 201, {
        account_sid: accountSid,
        api_version: '2010-04-01',
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from,
        messaging_service_sid: null,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid,
        status: 'queued',
        subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
        to,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    rejected,
    get requests() {
      return state.requests;
    },
    failNext(n, status = 503) {
      failNext = n;
      failStatus = status;
    },
    failAll(status) {
      failAll = status;
    },
    hang(on) {
      hanging = on;
      if (!on) for (const r of hung.splice(0)) r.destroy();
    },
    refuse(to, code, status = 400) {
      refusals.set(to, { code, status });
    },
    async close() {
      for (const r of hung.splice(0)) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
