import twilio from 'twilio';
import { AppError } from '../../../lib/errors.ts';

/**
 * Check a Twilio webhook's `X-Twilio-Signature` with the official `validateRequest` (HMAC-SHA1
 * over the URL and every posted parameter, tried with and without the default port). The URL is
 * the configured public `BASE_URL` plus the path and query string the route was called with —
 * never the request's Host or X-Forwarded-* headers, which anyone can set. Throws 403 otherwise.
 */
export function assertTwilioSignature(opts: {
  authToken: string | undefined;
  baseUrl: string;
  /** Path and query string as received (`request.url`). */
  pathAndQuery: string;
  signature: string | string[] | undefined;
  params: unknown;
}): void {
  const { authToken, signature, params } = opts;
  if (!authToken)
    throw new AppError('forbidden', 'Twilio webhooks are refused: TWILIO_AUTH_TOKEN is not configured.');
  if (typeof signature !== 'string' || signature.length === 0 || signature.length > 200)
    throw new AppError('forbidden', 'The request is not signed by Twilio (X-Twilio-Signature).');
  if (!params || typeof params !== 'object' || Array.isArray(params))
    throw new AppError('forbidden', 'The request’s signature does not match (X-Twilio-Signature).');
  const url = `${opts.baseUrl}${opts.pathAndQuery}`;
  if (!twilio.validateRequest(authToken, signature, url, params as Record<string, unknown>))
    throw new AppError('forbidden', 'The request’s signature does not match (X-Twilio-Signature).');
}

/** TwiML answer: an empty `<Response/>`, or one `<Message>` back to the sender. */
export function twimlAnswer(message: string | null): string {
  const r = new twilio.twiml.MessagingResponse();
  if (message !== null) r.message(message);
  return r.toString();
}
