import { messagingConfig } from './config.ts';
import type { SmsProvider } from './provider.ts';
import { simulatorProvider } from './simulator.ts';
import { twilioProvider } from './twilio.ts';

export { ProviderOutcomeUnknownError, ProviderRefusedError, ProviderUnavailableError } from './provider.ts';
export type { SendSmsRequest, SendSmsResult, SmsProvider } from './provider.ts';
export { messagingConfig } from './config.ts';

const cache = new Map<string, SmsProvider>();

/** The configured provider (MESSAGING_PROVIDER): the simulator by default, or Twilio. */
export function currentProvider(): SmsProvider {
  const config = messagingConfig();
  if (config.provider === 'simulator' || !config.twilio) return simulatorProvider;
  const key = JSON.stringify(config.twilio);
  let p = cache.get(key);
  if (!p) cache.set(key, (p = twilioProvider(config.twilio)));
  return p;
}
