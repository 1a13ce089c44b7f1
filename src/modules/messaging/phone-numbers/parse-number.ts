import { parsePhone } from '../../../lib/phone.ts';

/**
 * An account number as an admin types it, to E.164: the project's phone rules (src/lib/phone.ts: a
 * real number for its country, read as a US number without a country code, no extension), with
 * messages that speak of a sending number.
 */
export function parseAccountNumber(
  input: string,
): { ok: true; e164: string } | { ok: false; message: string } {
  const p = parsePhone(input);
  if (p.ok) return p;
  return p.problem === 'extension'
    ? { ok: false, message: 'A sending number has no extension: enter it without one.' }
    : { ok: false, message: 'Must be a valid phone number in E.164, e.g. +13122013344 (or (312) 201-3344).' };
}
