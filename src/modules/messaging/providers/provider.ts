import type { MessagingProvider } from '../schema.ts';

/** One outbound text as the provider needs it. `accountId` lets the simulator find its fake phones. */
export type SendSmsRequest = {
  accountId: string;
  from: string;
  to: string;
  body: string;
  /** Where the provider reports delivery states (built from BASE_URL). */
  statusCallbackUrl: string;
};

export type SendSmsResult = { providerMessageId: string; status: string };

/** The provider refused the text for good (Twilio 4xx: 21211 invalid number, 21610 unsubscribed…): never retry. */
export class ProviderRefusedError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderRefusedError';
  }
}

/**
 * We do not know whether the provider took it or it could not be reached (5xx, timeout, network):
 * the text may be retried with backoff. Raised only when the provider answered in a way that says
 * it did NOT accept the text, or never got the request.
 */
export class ProviderUnavailableError extends Error {
  constructor(
    message: string,
    readonly errorCode: string | null = null,
  ) {
    super(message);
    this.name = 'ProviderUnavailableError';
  }
}

/**
 * The request may have reached the provider but no answer came (a timeout, a connection cut after
 * sending): the provider may have accepted the text. Never retried automatically (it could be sent
 * twice): the text becomes `outcome_unknown` for a person to check (decision 051).
 */
export class ProviderOutcomeUnknownError extends Error {
  constructor(
    message: string,
    readonly errorCode: string,
  ) {
    super(message);
    this.name = 'ProviderOutcomeUnknownError';
  }
}

export interface SmsProvider {
  readonly name: MessagingProvider;
  sendSms(request: SendSmsRequest): Promise<SendSmsResult>;
}
