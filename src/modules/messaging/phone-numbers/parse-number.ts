import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * An account number as an admin types it, to E.164: a real number for its country
 * (libphonenumber-js, full metadata; without a country code it is read as a US number), no
 * extension. (src/lib/phone.ts gets the same rules in decision 041; use it once merged.)
 */
export function parseAccountNumber(
  input: string,
): { ok: true; e164: string } | { ok: false; message: string } {
  const p = parsePhoneNumberFromString(input.trim(), 'US');
  if (!p || !p.isValid())
    return {
      ok: false,
      message: 'Must be a valid phone number in E.164, e.g. +13122013344 (or (312) 201-3344).',
    };
  if (p.ext) return { ok: false, message: 'A sending number has no extension: enter it without one.' };
  return { ok: true, e164: p.number };
}
