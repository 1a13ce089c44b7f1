/**
 * SMS segmentation. A message is GSM-7 when every character is in the GSM 03.38 default alphabet
 * or its extension table (the extension characters ^ { } \ [ ~ ] | € and form feed take two septets:
 * escape + code); otherwise it is sent as UCS-2 (UTF-16 code units). Limits (3GPP TS 23.040, as
 * Twilio applies them): GSM-7 160 septets in one segment, 153 per segment when concatenated (the
 * UDH takes 7); UCS-2 70 / 67 code units. An escape pair is never split across segments, nor a
 * UTF-16 surrogate pair. Twilio refuses a body over 1,600 characters; "characters" is counted here
 * in UTF-16 code units (an emoji counts 2), the stricter reading of its limit.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export const MAX_SMS_CHARACTERS = 1600;
export type SmsEncoding = 'GSM-7' | 'UCS-2';
export type SegmentInfo = {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Units per segment at this length: 160/70 for one segment, 153/67 when split. */
  perSegment: number;
  /** Units left before another segment is needed. */
  remaining: number;
  /** Characters not in GSM-7 (what forces UCS-2), deduplicated, in order. */
  nonGsmCharacters: string[];
};

export const isGsm7 = (text: string): boolean => [...text].every((c) => BASIC.has(c) || EXTENSION.has(c));

/** Pack units into segments of `size` without splitting an indivisible unit group. */
const pack = (groups: number[], size: number) => {
  let segments = 1;
  let used = 0;
  for (const g of groups) {
    if (used + g > size) {
      segments++;
      used = 0;
    }
    used += g;
  }
  return { segments, remaining: size - used };
};

export function countSegments(text: string): SegmentInfo {
  const chars = [...text];
  const nonGsm = [...new Set(chars.filter((c) => !BASIC.has(c) && !EXTENSION.has(c)))];
  const encoding: SmsEncoding = nonGsm.length === 0 ? 'GSM-7' : 'UCS-2';
  // Indivisible groups: GSM extension chars are 2 septets, astral code points 2 code units.
  const groups = chars.map((c) => (encoding === 'GSM-7' ? (EXTENSION.has(c) ? 2 : 1) : c.length));
  const units = groups.reduce((a, b) => a + b, 0);
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  if (units <= single) {
    return {
      encoding,
      units,
      segments: 1,
      perSegment: single,
      remaining: single - units,
      nonGsmCharacters: nonGsm,
    };
  }
  const { segments, remaining } = pack(groups, multi);
  return { encoding, units, segments, perSegment: multi, remaining, nonGsmCharacters: nonGsm };
}

export type LengthCheck = { ok: true; length: number } | { ok: false; length: number; max: number };

/** Twilio's 1,600-character body limit (UTF-16 code units, see above). */
export const checkSmsLength = (text: string): LengthCheck =>
  text.length <= MAX_SMS_CHARACTERS
    ? { ok: true, length: text.length }
    : { ok: false, length: text.length, max: MAX_SMS_CHARACTERS };
