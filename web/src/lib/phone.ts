import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone number as the API stores it (E.164) for people, written the way its country writes it:
 * North American numbers as "(312) 201-3344", others internationally ("+44 20 7946 0958"). The server
 * parses with the same library (src/lib/phone.ts); anything it cannot read is shown as stored.
 */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const p = parsePhoneNumberFromString(e164);
  if (!p) return e164;
  return p.countryCallingCode === '1' ? p.formatNational() : p.formatInternational();
}
