import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.ts';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../lib/errors.ts';
import { parseClock } from '../rules/index.ts';
import { messagingSettings } from '../schema.ts';
import { authorize, recordAudit, type Actor } from '../ports.ts';

export type MessagingSettings = {
  helpText: string | null;
  optOutConfirmation: string | null;
  senderWindowStart: string;
  senderWindowEnd: string;
  perNumberPerSecond: number;
  brandDailyCap: number;
};

export const DEFAULT_SETTINGS: MessagingSettings = {
  helpText: null,
  optOutConfirmation: null,
  senderWindowStart: '08:00',
  senderWindowEnd: '19:00',
  perNumberPerSecond: 1,
  brandDailyCap: 2000,
};

const Clock = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'Must be a time of day HH:MM (24-hour), e.g. 08:00.');

export const MessagingSettingsPatch = z
  .strictObject({
    helpText: z.string().max(320).nullable(),
    optOutConfirmation: z.string().max(320).nullable(),
    senderWindowStart: Clock,
    senderWindowEnd: Clock,
    perNumberPerSecond: z.number().int().min(1).max(1000),
    brandDailyCap: z.number().int().min(1).max(10_000_000),
  })
  .partial();
export type MessagingSettingsPatch = z.infer<typeof MessagingSettingsPatch>;

/** The account's messaging settings (the defaults when none were saved). */
export async function loadMessagingSettings(db: DbOrTx, accountId: string): Promise<MessagingSettings> {
  const [row] = await db.select().from(messagingSettings).where(eq(messagingSettings.accountId, accountId));
  if (!row) return { ...DEFAULT_SETTINGS };
  return {
    helpText: row.helpText,
    optOutConfirmation: row.optOutConfirmation,
    senderWindowStart: row.senderWindowStart,
    senderWindowEnd: row.senderWindowEnd,
    perNumberPerSecond: row.perNumberPerSecond,
    brandDailyCap: row.brandDailyCap,
  };
}

/** Any signed-in user may read them (the compose dialog shows the window); admins change them. */
export async function getMessagingSettings(deps: Pick<Deps, 'db'>, { actor }: { actor: Actor }) {
  return loadMessagingSettings(deps.db, actor.accountId);
}

export async function updateMessagingSettings(
  deps: Pick<Deps, 'db'>,
  { actor, patch }: { actor: Actor; patch: MessagingSettingsPatch },
): Promise<MessagingSettings> {
  authorize(actor, 'users.manage');
  return deps.db.transaction(async (tx) => {
    const before = await loadMessagingSettings(tx, actor.accountId);
    const next = { ...before, ...patch };
    if (parseClock(next.senderWindowStart) >= parseClock(next.senderWindowEnd))
      throw new AppError('validation', 'The texting window must start before it ends.', {
        errors: [
          { path: 'senderWindowEnd', message: `Must be after the start (${next.senderWindowStart}).` },
        ],
      });
    await tx
      .insert(messagingSettings)
      .values({ accountId: actor.accountId, ...next, updatedAt: new Date() })
      .onConflictDoUpdate({ target: messagingSettings.accountId, set: { ...next, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      type: 'messaging_settings.updated',
      subjectType: 'account',
      subjectId: actor.accountId,
      data: { patch },
    });
    return next;
  });
}
