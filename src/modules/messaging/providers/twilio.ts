import twilio from 'twilio';
import {
  ProviderOutcomeUnknownError,
  ProviderRefusedError,
  ProviderUnavailableError,
  type SendSmsRequest,
  type SendSmsResult,
  type SmsProvider,
} from './provider.ts';

const TWILIO_BASE = 'https://api.twilio.com';

type TwilioSettings = { accountSid: string; authToken: string; apiBase: string; timeoutMs: number };

/**
 * The package's HTTP client, pointed at another base (a test double of Twilio's REST API, or a
 * proxy): every request to api.twilio.com goes to `apiBase` with the same path, auth and form.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly apiBase: string,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs, keepAlive: true });
  }
  override request<T>(opts: Parameters<twilio.RequestClient['request']>[0]) {
    const uri = opts.uri.startsWith(TWILIO_BASE)
      ? this.apiBase + opts.uri.slice(TWILIO_BASE.length)
      : opts.uri;
    return super.request<T>({ ...opts, uri } as never);
  }
}

/**
 * Twilio's Messages resource through the official package. A 4xx answer is Twilio refusing this
 * text for good (21211 invalid number, 21610 unsubscribed, 21614 not a mobile…): never retried. A
 * 5xx, a timeout or a network error is "unknown, retry later" (decision 051).
 */
export function twilioProvider(settings: TwilioSettings): SmsProvider {
  const client = twilio(settings.accountSid, settings.authToken, {
    httpClient: new RebasedRequestClient(settings.apiBase, settings.timeoutMs),
    autoRetry: false,
  });
  return {
    name: 'twilio',
    async sendSms(req: SendSmsRequest): Promise<SendSmsResult> {
      try {
        const m = await client.messages.create({
          from: req.from,
          to: req.to,
          body: req.body,
          statusCallback: req.statusCallbackUrl,
        });
        return { providerMessageId: m.sid, status: m.status };
      } catch (err) {
        throw classifyTwilioError(err);
      }
    },
  };
}

export function classifyTwilioError(err: unknown): Error {
  if (err instanceof twilio.RestException) {
    const code = err.code !== undefined ? String(err.code) : `http_${err.status}`;
    if (err.status >= 400 && err.status < 500 && err.status !== 429)
      return new ProviderRefusedError(code, err.message || `Twilio refused the message (${code}).`);
    return new ProviderUnavailableError(`Twilio answered ${err.status}: ${err.message}`, code);
  }
  const e = err as { code?: string; message?: string };
  const text = `${e.code ?? ''} ${e.message ?? String(err)}`.trim();
  // Refused or unresolvable before anything was sent: safe to try again later.
  if (e.code && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(e.code))
    return new ProviderUnavailableError(`Twilio could not be reached: ${text}`, 'network');
  // Sent, but no answer (timeout, connection cut): Twilio may have the text. Never resend blindly.
  return new ProviderOutcomeUnknownError(
    `No answer from Twilio (${text}): the text may or may not have been accepted.`,
    e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? '')
      ? 'timeout'
      : 'no_answer',
  );
}
