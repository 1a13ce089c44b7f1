import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../lib/errors.ts';
import { TimeZone } from '../../lib/fields.ts';
import {
  type AccountSettings,
  accounts,
  DEFAULT_CUSTOM_FIELD_LABELS,
  DEFAULT_LEAD_INTAKE,
} from './schema.ts';
import { requireAccountAdmin, type Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { DEFAULT_TEMPERATURE_PERIODS, type TemperaturePeriods } from './temperature-periods.ts';

// The accounts table is the tenant root: its own id is the account filter.
const ownAccount = (actor: Actor) => eq(accounts.id, actor.accountId);

export async function getAccount(deps: Pick<Deps, 'db'>, opts: { actor: Actor }) {
  const [row] = await deps.db
    .select({
      id: accounts.id,
      name: accounts.name,
      package: accounts.package,
      timeZone: accounts.timeZone,
      settings: accounts.settings,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(ownAccount(opts.actor));
  if (!row) throw notFound('Account');
  const { settings, ...rest } = row;
  return {
    ...rest,
    defaultRecordTypeId: settings.defaultRecordTypeId ?? null,
    customFieldLabels: settings.customFieldLabels ?? DEFAULT_CUSTOM_FIELD_LABELS,
    temperaturePeriods: settings.temperaturePeriods ?? DEFAULT_TEMPERATURE_PERIODS,
    leadIntake: settings.leadIntake ?? DEFAULT_LEAD_INTAKE,
  };
}

const Label = z.string().trim().min(1, 'Required.').max(60);
const PeriodSchema = z.strictObject({
  amount: z.number().int().min(1).max(365),
  unit: z.enum(['days', 'weeks', 'months']),
});
export const LeadIntakeSettingsSchema = z
  .strictObject({
    /** What a lead post creates: a Sales Record, or an Individual. */
    target: z.enum(['sales_record', 'individual']),
    /** A post matching an existing record: leave it (skip) or fill in what it lacks (update). */
    duplicates: z.enum(['skip', 'update']),
    recordTypeId: z.uuid().nullable(),
  })
  .meta({ id: 'LeadIntakeSettings' });
export const TemperaturePeriodsSchema = z
  .strictObject({ hot: PeriodSchema, warm: PeriodSchema, cool: PeriodSchema })
  .meta({ id: 'TemperaturePeriods' });

export const UpdateAccountInput = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(200).optional(),
  timeZone: TimeZone.optional(),
  defaultRecordTypeId: z.uuid().optional(),
  customFieldLabels: z.tuple([Label, Label, Label, Label]).optional(),
  temperaturePeriods: TemperaturePeriodsSchema.optional(),
  leadIntake: LeadIntakeSettingsSchema.optional(),
});

/**
 * Settings that name another module's rows are checked by that module. The accounts module sits below
 * the modules whose rows its settings name (record types), so the check is handed in by the composition
 * root (src/server/app.ts), not imported.
 */
export type AccountSettingsChecks = {
  /** Throws not found unless every id is a record type of the actor's account. */
  assertRecordTypesExist: (tx: DbOrTx, actor: Actor, ids: string[]) => Promise<void>;
};

/** Account settings an admin may change. The package is the operator's to change (CLI). */
export async function updateAccount(
  deps: Deps,
  opts: { actor: Actor; patch: z.infer<typeof UpdateAccountInput>; checks: AccountSettingsChecks },
) {
  const { actor, patch } = opts;
  const { assertRecordTypesExist } = opts.checks;
  requireAccountAdmin(actor);
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(accounts).where(ownAccount(actor)).for('update');
    if (!before) throw notFound('Account');
    if (patch.defaultRecordTypeId) await assertRecordTypesExist(tx, actor, [patch.defaultRecordTypeId]);
    if (patch.leadIntake?.recordTypeId)
      await assertRecordTypesExist(tx, actor, [patch.leadIntake.recordTypeId]);
    const { name, timeZone, ...settingsPatch } = patch;
    const columns = {
      ...(name !== undefined ? { name } : {}),
      ...(timeZone !== undefined ? { timeZone } : {}),
    };
    const settings: AccountSettings = {
      ...before.settings,
      ...Object.fromEntries(Object.entries(settingsPatch).filter(([, v]) => v !== undefined)),
    };
    const changes = {
      ...diff({ name: before.name, timeZone: before.timeZone }, columns),
      ...diff(before.settings as Record<string, unknown>, settingsPatch),
    };
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(accounts)
      .set({ ...columns, settings, updatedAt: sql`now()` as never })
      .where(ownAccount(actor));
    await recordAudit(tx, actor, {
      type: 'account.updated',
      subjectType: 'account',
      subjectId: actor.accountId,
      data: { changes },
    });
  });
  periodsCache.delete(actor.accountId);
  return getAccount(deps, { actor });
}

/** First run: true while the installation has no account yet. */
export async function isSetupNeeded(deps: Deps): Promise<boolean> {
  const rows = await deps.db.select({ id: accounts.id }).from(accounts).limit(1);
  return rows.length === 0;
}

const PERIODS_TTL_MS = 5_000;
const periodsCache = new Map<string, { at: number; periods: TemperaturePeriods }>();

/**
 * The account's temperature periods, read on every lead-list request: cached per account for a
 * few seconds (another process may serve a change up to 5 s late; this one forgets it at once).
 */
export async function temperaturePeriodsOf(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<TemperaturePeriods> {
  const hit = periodsCache.get(actor.accountId);
  if (hit && Date.now() - hit.at < PERIODS_TTL_MS) return hit.periods;
  const periods = (await getAccount(deps, { actor })).temperaturePeriods;
  periodsCache.set(actor.accountId, { at: Date.now(), periods });
  return periods;
}
