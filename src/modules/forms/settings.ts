import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { type Actor, authorize, diff, recordAudit } from './ports.ts';
import {
  type FormFamily,
  formSettings,
  MIN_RETENTION_YEARS,
  SIGNATURE_MODES,
  SOA_PLANS,
  type SoaPlan,
} from './schema.ts';
import { DEFAULT_TEMPLATES } from './texts.ts';

const Template = z.strictObject({
  subject: z.string().trim().min(1, 'Required.').max(200),
  body: z
    .string()
    .trim()
    .min(1, 'Required.')
    .max(2000)
    .refine((b) => /\{\{\s*link\s*\}\}/.test(b), 'The message must contain the {{link}} placeholder.'),
});

export const FormSettingsPatch = z
  .strictObject({
    active: z.boolean().optional(),
    plansOffered: z.array(z.enum(SOA_PLANS)).max(SOA_PLANS.length).optional(),
    defaultPlans: z.array(z.enum(SOA_PLANS)).max(SOA_PLANS.length).optional(),
    signatureModes: z
      .array(z.enum(SIGNATURE_MODES))
      .min(1, 'Allow typed or drawn signatures, or both.')
      .max(2)
      .optional(),
    templates: z.strictObject({ en: Template, es: Template }).optional(),
    successUrl: z
      .url({ protocol: /^https?$/, message: 'Must be an http(s) URL.' })
      .max(500)
      .nullable()
      .optional(),
    retentionYears: z.number().int().min(MIN_RETENTION_YEARS).max(100).optional(),
    keepFortyEightHourPolicy: z.boolean().optional(),
  })
  .meta({ id: 'FormSettingsPatch' });

export type FormSettingsView = {
  family: FormFamily;
  active: boolean;
  plansOffered: SoaPlan[];
  defaultPlans: SoaPlan[];
  signatureModes: ('typed' | 'drawn')[];
  templates: { en: { subject: string; body: string }; es: { subject: string; body: string } };
  successUrl: string | null;
  retentionYears: number;
  keepFortyEightHourPolicy: boolean;
};

const defaults = (family: FormFamily): FormSettingsView => ({
  family,
  active: false,
  plansOffered: family === 'soa' ? [...SOA_PLANS] : [],
  defaultPlans: [],
  signatureModes: ['typed', 'drawn'],
  templates: structuredClone(DEFAULT_TEMPLATES[family]) as FormSettingsView['templates'],
  successUrl: null,
  retentionYears: MIN_RETENTION_YEARS,
  keepFortyEightHourPolicy: true,
});

/** An account's settings for a form family (the defaults until an admin saves them). */
export async function loadFormSettings(
  tx: DbOrTx,
  scope: { accountId: string },
  family: FormFamily,
): Promise<FormSettingsView> {
  const [row] = await tx
    .select()
    .from(formSettings)
    .where(inAccount(scope, formSettings, eq(formSettings.family, family)));
  if (!row) return defaults(family);
  return {
    family,
    active: row.active,
    plansOffered: row.plansOffered,
    defaultPlans: row.defaultPlans,
    signatureModes: row.signatureModes,
    templates: row.templates,
    successUrl: row.successUrl,
    retentionYears: row.retentionYears,
    keepFortyEightHourPolicy: row.keepFortyEightHourPolicy,
  };
}

/** Any signed-in user reads them (the send dialog needs the plans and defaults). */
export async function getFormSettings(deps: Pick<Deps, 'db'>, opts: { actor: Actor; family: FormFamily }) {
  return loadFormSettings(deps.db, opts.actor, opts.family);
}

/** soa.settings.manage / aca.settings.manage. Retention can only be lengthened. */
export async function updateFormSettings(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; family: FormFamily; patch: z.infer<typeof FormSettingsPatch> },
) {
  const { actor, family, patch } = opts;
  authorize(actor, `${family}.settings.manage`);
  return deps.db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`form_settings:${actor.accountId}:${family}`}))`,
    );
    const before = await loadFormSettings(tx, actor, family);
    const next = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    } as FormSettingsView;
    const problems: { path: string; message: string }[] = [];
    if (next.retentionYears < before.retentionYears)
      problems.push({
        path: 'retentionYears',
        message: `Retention can only be lengthened (now ${before.retentionYears} years).`,
      });
    if (family === 'aca' && (patch.plansOffered?.length || patch.defaultPlans?.length))
      problems.push({ path: 'plansOffered', message: 'Plan types apply to SOA forms only.' });
    if (family === 'soa') {
      if (next.plansOffered.length === 0)
        problems.push({ path: 'plansOffered', message: 'Offer at least one plan type.' });
      const stray = next.defaultPlans.filter((p) => !next.plansOffered.includes(p));
      if (stray.length) problems.push({ path: 'defaultPlans', message: `Not offered: ${stray.join(', ')}.` });
    }
    if (problems.length)
      throw new AppError('validation', 'The settings have invalid fields.', { errors: problems });
    const values = {
      active: next.active,
      plansOffered: [...new Set(next.plansOffered)],
      defaultPlans: [...new Set(next.defaultPlans)],
      signatureModes: [...new Set(next.signatureModes)],
      templates: next.templates,
      successUrl: next.successUrl,
      retentionYears: next.retentionYears,
      keepFortyEightHourPolicy: next.keepFortyEightHourPolicy,
    };
    await tx
      .insert(formSettings)
      .values({ accountId: actor.accountId, family, ...values })
      .onConflictDoUpdate({
        target: [formSettings.accountId, formSettings.family],
        set: { ...values, updatedAt: sql`now()` as never },
      });
    await recordAudit(tx, actor, {
      type: 'form_settings.updated',
      subjectType: 'account',
      subjectId: actor.accountId,
      data: { family, changes: diff(before as unknown as Record<string, unknown>, values) },
    });
    return { family, ...values } as FormSettingsView;
  });
}
