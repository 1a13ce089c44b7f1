import { z } from 'zod';

/**
 * Normalise a North American phone number to E.164 (+1XXXXXXXXXX), or keep an explicit
 * international +CC… number. Returns null when it cannot be a valid number.
 */
export function toE164(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.startsWith('+')) {
    const digits = trimmed.slice(1).replace(/[\s().-]/g, '');
    return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  }
  let digits = trimmed.replace(/[\s().-]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  // NANP: area code and exchange cannot start with 0 or 1.
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(digits) ? `+1${digits}` : null;
}

export const Phone = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const e = toE164(s);
    if (!e) {
      ctx.addIssue({
        code: 'custom',
        message: 'Must be a valid phone number, e.g. (555) 201-3344 or +44 20 7946 0958.',
      });
      return z.NEVER;
    }
    return e;
  });
