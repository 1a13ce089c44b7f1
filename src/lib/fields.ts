import { z } from 'zod';

/** Field rules shared by the API schemas, the CLI and the use cases. */
export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
};

export const TimeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'Must be an IANA time zone such as America/New_York.' });

export const Email = z
  .email({ message: 'Must be a valid email address.' })
  .max(254)
  .transform((s) => s.toLowerCase());

export const Username = z
  .string()
  .min(3, 'Must be at least 3 characters.')
  .max(60)
  .regex(/^[A-Za-z0-9._@-]+$/, 'Use letters, digits, dot, underscore, hyphen or @.');

export const Password = z
  .string()
  .min(10, 'Must be at least 10 characters.')
  .max(200, 'Must be at most 200 characters.');

export const PersonName = z.string().trim().min(1, 'Required.').max(100);
