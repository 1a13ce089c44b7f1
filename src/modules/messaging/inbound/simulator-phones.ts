import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { simulatorPhones } from './schema.ts';

/**
 * Make the simulator's next `count` deliveries to a fake phone fail (0: deliver normally again).
 * sms-out's simulator provider reads and decrements `fail_next` when it delivers.
 */
export async function setSimulatorFailNext(
  db: DbOrTx,
  q: { accountId: string; phone: string; count: number },
): Promise<{ phone: string; failNext: number }> {
  await db
    .insert(simulatorPhones)
    .values({ accountId: q.accountId, phone: q.phone, failNext: q.count, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [simulatorPhones.accountId, simulatorPhones.phone],
      set: { failNext: q.count, updatedAt: sql`now()` },
    });
  return { phone: q.phone, failNext: q.count };
}
