import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { users, type Signature } from '../users/schema.ts';

/** The two form families: Scope of Appointment, and ACA (consent to contact, application-review attestation). */
export const FORM_FAMILIES = ['soa', 'aca'] as const;
export type FormFamily = (typeof FORM_FAMILIES)[number];
export const FORM_KINDS = ['soa', 'aca_consent', 'aca_attestation'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export const familyOf = (kind: FormKind): FormFamily => (kind === 'soa' ? 'soa' : 'aca');

/** The SOA product types of the CMS model form (MESSAGING-AND-COMPLIANCE.md §2.1). */
export const SOA_PLANS = [
  'part_d',
  'medicare_advantage',
  'dental_vision_hearing',
  'hospital_indemnity',
  'medicare_supplement',
] as const;
export type SoaPlan = (typeof SOA_PLANS)[number];

export const FORM_LANGUAGES = ['en', 'es'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];
export const FORM_CHANNELS = ['email', 'sms'] as const;
export type FormChannel = (typeof FORM_CHANNELS)[number];

/** How the contact that led to the appointment started (the SOA's "initial method of contact"). */
export const CONTACT_METHODS = [
  'walk_in',
  'beneficiary_call',
  'agent_call',
  'email',
  'text',
  'mail',
  'web',
  'referral',
  'event',
  'other',
] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** Why an SOA was not documented 48 hours before the appointment (42 CFR 422.2264(c)(3)). */
export const EXCEPTION_REASONS = [
  'walk_in',
  'beneficiary_call',
  'enrollment_period_last_days',
  'other',
] as const;
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

/** Stored statuses; `expired` is also shown for a requested/opened form past its expiry. */
export const FORM_STATUSES = ['requested', 'opened', 'signed', 'completed', 'expired', 'deleted'] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

export const FORM_EVENT_TYPES = [
  'created',
  'sent',
  'delivered',
  'opened',
  'consented',
  'signed',
  'edited',
  'deleted',
] as const;
export type FormEventType = (typeof FORM_EVENT_TYPES)[number];

export type FormTemplate = { subject: string; body: string };
export type FormTemplates = Record<FormLanguage, FormTemplate>;
export const SIGNATURE_MODES = ['typed', 'drawn'] as const;
export type SignatureMode = (typeof SIGNATURE_MODES)[number];

/** The sender as the form shows them, copied when sent (a later profile change does not alter a signed form). */
export type FormAgent = {
  name: string;
  phone: string;
  salesRepId: string | null;
  npn: string | null;
  agencyName: string;
  signature: Signature | null;
};
export type AuthorizedRepresentative = { name: string; relationship: string };

/** Minimum retention (years) of signed forms: CMS and 45 CFR 155.220(j) both say 10; it may only be lengthened. */
export const MIN_RETENTION_YEARS = 10;

/** Per account and family: active, SOA plan types offered and defaults, signature modes, templates, success page. */
export const formSettings = pgTable(
  'form_settings',
  {
    accountId: uuid('account_id').notNull(),
    family: text('family').$type<FormFamily>().notNull(),
    active: boolean('active').notNull().default(false),
    plansOffered: jsonb('plans_offered').$type<SoaPlan[]>().notNull().default([]),
    defaultPlans: jsonb('default_plans').$type<SoaPlan[]>().notNull().default([]),
    signatureModes: jsonb('signature_modes').$type<SignatureMode[]>().notNull().default(['typed', 'drawn']),
    templates: jsonb('templates').$type<FormTemplates>().notNull(),
    successUrl: text('success_url'),
    retentionYears: integer('retention_years').notNull().default(MIN_RETENTION_YEARS),
    /** Agency policy after the CY2027 rule: keep asking for a 48-hour exception reason (default on). */
    keepFortyEightHourPolicy: boolean('keep_forty_eight_hour_policy').notNull().default(true),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.family] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    check('form_settings_family_ck', sql`${t.family} in ('soa', 'aca')`),
    check('form_settings_retention_ck', sql`${t.retentionYears} >= 10`),
  ],
);

/** One form sent to a Sales Record or an Individual, and, once signed, what was signed. */
export const formRequests = pgTable(
  'form_requests',
  {
    ...tenantColumns(),
    kind: text('kind').$type<FormKind>().notNull(),
    salesRecordId: uuid('sales_record_id'),
    individualId: uuid('individual_id'),
    senderUserId: uuid('sender_user_id').notNull(),
    /** SHA-256 of the link's token (the token itself is never stored). */
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    status: text('status').$type<FormStatus>().notNull().default('requested'),
    channel: text('channel').$type<FormChannel>().notNull(),
    /** The address or number the link went to. */
    sentTo: text('sent_to').notNull(),
    /** The email (email module) or message (messaging) that carried the link: its delivery is the "delivered" event. */
    messageId: uuid('message_id'),
    language: text('language').$type<FormLanguage>().notNull(),
    plans: jsonb('plans').$type<SoaPlan[]>().notNull().default([]),
    firstContactMethod: text('first_contact_method').$type<ContactMethod>(),
    appointmentAt: ts('appointment_at'),
    appointmentCompletedAt: ts('appointment_completed_at'),
    exceptionReason: text('exception_reason').$type<ExceptionReason>(),
    exceptionNote: text('exception_note'),
    beneficiaryName: text('beneficiary_name').notNull(),
    agent: jsonb('agent').$type<FormAgent>().notNull(),
    signerName: text('signer_name'),
    authorizedRep: jsonb('authorized_rep').$type<AuthorizedRepresentative | null>(),
    signature: jsonb('signature').$type<Signature | null>(),
    consentedAt: ts('consented_at'),
    signedAt: ts('signed_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.salesRecordId],
      foreignColumns: [salesRecords.accountId, salesRecords.id],
    }),
    foreignKey({
      columns: [t.accountId, t.individualId],
      foreignColumns: [individuals.accountId, individuals.id],
    }),
    foreignKey({ columns: [t.accountId, t.senderUserId], foreignColumns: [users.accountId, users.id] }),
    check('form_requests_record_ck', sql`num_nonnulls(${t.salesRecordId}, ${t.individualId}) = 1`),
    check('form_requests_kind_ck', sql`${t.kind} in ('soa', 'aca_consent', 'aca_attestation')`),
    uniqueIndex('form_requests_token_uq').on(t.accountId, t.tokenHash),
    index('form_requests_sales_record_idx').on(t.accountId, t.salesRecordId),
    index('form_requests_individual_idx').on(t.accountId, t.individualId),
  ],
);

/** The audit trail of a form: every event with time, IP and user agent (printed on the PDF's audit page). */
export const formEvents = pgTable(
  'form_events',
  {
    ...tenantColumns(),
    formId: uuid('form_id').notNull(),
    type: text('type').$type<FormEventType>().notNull(),
    at: createdAt(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    userId: uuid('user_id'),
    detail: text('detail'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.formId],
      foreignColumns: [formRequests.accountId, formRequests.id],
    }),
    index('form_events_form_idx').on(t.accountId, t.formId, t.at),
  ],
);

/** Each generated PDF of a signed form (a new version per edit; old versions kept). */
export const formDocuments = pgTable(
  'form_documents',
  {
    ...tenantColumns(),
    formId: uuid('form_id').notNull(),
    version: integer('version').notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.formId],
      foreignColumns: [formRequests.accountId, formRequests.id],
    }),
    uniqueIndex('form_documents_version_uq').on(t.accountId, t.formId, t.version),
    index('form_documents_sha_idx').on(t.accountId, t.sha256),
  ],
);

/**
 * Global lookup from a document's SHA-256 to the account that issued it, for the public /verify
 * page (which has no account in its URL) — like `schedule_slugs`, not keyed by account.
 */
export const formDocumentHashes = pgTable(
  'form_document_hashes',
  {
    sha256: text('sha256').primaryKey(),
    accountId: uuid('account_id').notNull(),
    documentId: uuid('document_id').notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.accountId, t.documentId],
      foreignColumns: [formDocuments.accountId, formDocuments.id],
    }),
  ],
);
