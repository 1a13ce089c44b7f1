import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import type { SendSmsRequest, SendSmsResult, SmsProvider } from './provider.ts';
import { simulatorPhones } from './schema.ts';

/** A Twilio-shaped id (34 characters) starting with SIM. */
export const simulatorMessageId = () => `SIM${randomBytes(16).toString('hex').slice(0, 31)}`;

/**
 * The built-in provider (the default): texts are "delivered" to fake phones. Accepting is instant;
 * the engine tick then advances each text queued → sent → delivered (or undelivered when its fake
 * phone was flagged to fail) through `applyDeliveryStatus`, like Twilio's callbacks would.
 */
export const simulatorProvider: SmsProvider = {
  name: 'simulator',
  sendSms(_req: SendSmsRequest): Promise<SendSmsResult> {
    return Promise.resolve({ providerMessageId: simulatorMessageId(), status: 'queued' });
  },
};

/** Flag a fake phone: its next `count` deliveries fail (0 clears it). */
export async function setSimulatorFailNext(
  db: DbOrTx,
  accountId: string,
  phone: string,
  count: number,
): Promise<void> {
  await db
    .insert(simulatorPhones)
    .values({ accountId, phone, failNext: Math.max(0, Math.trunc(count)) })
    .onConflictDoUpdate({
      target: [simulatorPhones.accountId, simulatorPhones.phone],
      set: { failNext: Math.max(0, Math.trunc(count)) },
    });
}

/** Take one failure off a flagged fake phone; true when this delivery must fail. */
export async function takeSimulatorFailure(db: DbOrTx, accountId: string, phone: string): Promise<boolean> {
  const rows = await db
    .update(simulatorPhones)
    .set({ failNext: sql`${simulatorPhones.failNext} - 1` })
    .where(
      and(
        eq(simulatorPhones.accountId, accountId),
        eq(simulatorPhones.phone, phone),
        sql`${simulatorPhones.failNext} > 0`,
      ),
    )
    .returning({ phone: simulatorPhones.phone });
  return rows.length > 0;
}
