import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/** Numbers written without a country code are read as numbers of this region. */
export const DEFAULT_PHONE_REGION: CountryCode = 'US';

export type ParsedPhone =
  { ok: true; e164: string } | { ok: false; problem: 'invalid' | 'extension'; message: string };

const INVALID = 'Must be a valid phone number, e.g. (312) 201-3344 or +44 20 7946 0958.';
const EXTENSION = 'Extensions cannot be stored: enter the number without one.';

/**
 * Read a phone number as people write it — "(312) 201-3344", "312.201.3344", "+44 20 7946 0958" — and
 * give its E.164 form (+13122013344), the only form stored. The number must be a real one for its
 * country (libphonenumber-js metadata: assigned area codes and lengths), not only have the right count
 * of digits. An extension is refused rather than dropped, since E.164 cannot carry it.
 */
export function parsePhone(input: string, region: CountryCode = DEFAULT_PHONE_REGION): ParsedPhone {
  const parsed = parsePhoneNumberFromString(input.trim(), region);
  if (!parsed || !parsed.isValid()) return { ok: false, problem: 'invalid', message: INVALID };
  if (parsed.ext) return { ok: false, problem: 'extension', message: EXTENSION };
  return { ok: true, e164: parsed.number };
}

/** The E.164 form of a valid phone number without an extension, or null. */
export function toE164(input: string, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  const p = parsePhone(input, region);
  return p.ok ? p.e164 : null;
}

export const Phone = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const p = parsePhone(s);
    if (!p.ok) {
      ctx.addIssue({ code: 'custom', message: p.message });
      return z.NEVER;
    }
    return p.e164;
  });
