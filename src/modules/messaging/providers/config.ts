import { z } from 'zod';
import type { MessagingProvider } from '../schema.ts';

const Env = z.object({
  MESSAGING_PROVIDER: z.enum(['simulator', 'twilio']).default('simulator'),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  /** Twilio's REST base; a test double's URL in tests. */
  TWILIO_API_BASE: z.url().default('https://api.twilio.com'),
  /** Seconds a provider call may take before it counts as an outage (then retried). */
  TWILIO_TIMEOUT_SECONDS: z.coerce.number().positive().default(10),
  /** A text left `dispatching` longer than this (its process died mid-call) becomes `outcome_unknown`. */
  MESSAGING_DISPATCH_TIMEOUT_SECONDS: z.coerce.number().positive().default(120),
  /** Provider outage: retry after base × 2^(attempt-1) seconds, at most this many attempts in all. */
  MESSAGING_RETRY_BASE_SECONDS: z.coerce.number().positive().default(30),
  MESSAGING_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
});

export type MessagingConfig = {
  provider: MessagingProvider;
  twilio: { accountSid: string; authToken: string; apiBase: string; timeoutMs: number } | null;
  dispatchTimeoutMs: number;
  retryBaseMs: number;
  maxAttempts: number;
};

/**
 * Messaging's environment (read here rather than in src/config.ts so the three messaging branches
 * merge without conflicts; the integrator may move it). Read on each call: tests set the variables.
 */
export function messagingConfig(env: NodeJS.ProcessEnv = process.env): MessagingConfig {
  const e = Env.parse(env);
  const twilio =
    e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
      ? {
          accountSid: e.TWILIO_ACCOUNT_SID,
          authToken: e.TWILIO_AUTH_TOKEN,
          apiBase: e.TWILIO_API_BASE.replace(/\/$/, ''),
          timeoutMs: e.TWILIO_TIMEOUT_SECONDS * 1000,
        }
      : null;
  if (e.MESSAGING_PROVIDER === 'twilio' && !twilio)
    throw new Error('MESSAGING_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.');
  return {
    provider: e.MESSAGING_PROVIDER,
    twilio,
    dispatchTimeoutMs: e.MESSAGING_DISPATCH_TIMEOUT_SECONDS * 1000,
    retryBaseMs: e.MESSAGING_RETRY_BASE_SECONDS * 1000,
    maxAttempts: e.MESSAGING_MAX_ATTEMPTS,
  };
}
