import { z } from 'zod';
import { Email, PersonName } from '../../lib/fields.ts';
import { Phone } from '../../lib/phone.ts';
import { Timestamp } from '../../server/http-schemas.ts';
import { GENDERS } from './person-columns.ts';

export { GENDERS, type Gender } from './person-columns.ts';

/**
 * The person a Sales Record or an Individual is about: one set of columns, one input schema and
 * one output schema, used by both (PRODUCT.md: an Individual is the Sales Record's person after
 * the sale).
 */

export const US_STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP'.split(
    ' ',
  );

export const IsoDate = z.iso.date({ message: 'Must be a date as YYYY-MM-DD.' });
const PastDate = IsoDate.refine((d) => d <= new Date().toISOString().slice(0, 10), {
  message: 'Cannot be in the future.',
});
export const Text = (max = 200) => z.string().trim().max(max);
export const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();

/**
 * CMS Medicare Beneficiary Identifier: 11 characters, positions 1 numeric 1-9, 2/5/8/9 letters
 * (no S, L, O, I, B, Z), 4/7/10/11 numeric, 3/6 letter or digit. Dashes are accepted and removed.
 */
const MBI_RE =
  /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/;
export const Mbi = z
  .string()
  .max(40)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .refine((s) => MBI_RE.test(s), {
    message: 'Must be a Medicare Beneficiary Identifier (11 characters, e.g. 1EG4-TE5-MK73).',
  });

/** The person's fields as input, validated; phone numbers normalised to E.164. */
export const PersonFields = {
  firstName: PersonName,
  middleName: opt(Text(100)),
  lastName: PersonName,
  dateOfBirth: opt(PastDate),
  gender: opt(z.enum(GENDERS)),
  email: opt(Email),
  phone: opt(Phone),
  cellPhone: opt(Phone),
  street: opt(Text()),
  city: opt(Text(100)),
  state: opt(
    z
      .string()
      .max(20)
      .trim()
      .toUpperCase()
      .refine((s) => US_STATES.includes(s), { message: 'Must be a two-letter US state code.' }),
  ),
  zip: opt(
    z
      .string()
      .max(10)
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, 'Must be a ZIP code: 5 digits, or ZIP+4.'),
  ),
  county: opt(Text(100)),
  medicareNumber: opt(Mbi),
  partADate: opt(IsoDate),
  partBDate: opt(IsoDate),
  customFields: z
    .record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
    .optional(),
};

const s = z.string().nullable();
/** The person's fields as the API answers them (both records' response schemas spread it). */
export const PersonOutput = {
  id: z.uuid(),
  firstName: z.string(),
  middleName: s,
  lastName: z.string(),
  dateOfBirth: s,
  gender: z.enum(GENDERS).nullable(),
  email: s,
  phone: s,
  cellPhone: s,
  street: s,
  city: s,
  state: s,
  zip: s,
  county: s,
  medicareNumber: s,
  partADate: s,
  partBDate: s,
  customFields: z.record(z.string(), z.unknown()),
  createdByUserId: z.uuid().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
