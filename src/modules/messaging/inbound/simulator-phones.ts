import type { DbOrTx } from '../../../db/client.ts';
import { simulatorPhones } from './schema.ts';

/**
 * Make the simulator's next `count` deliveries to a fake phone fail (0: deliver normally again).
 * sms-out's simulator provider reads and decrements `fail_next` when it delivers. Same signature as
 * sms-out's `setSimulatorFailNext` (messaging/index.ts), so the port can be repointed as is.
 */
export async function setSimulatorFailNext(
  db: DbOrTx,
  accountId: string,
  phone: string,
  count: number,
): Promise<void> {
  await db
    .insert(simulatorPhones)
    .values({ accountId, phone, failNext: count })
    .onConflictDoUpdate({
      target: [simulatorPhones.accountId, simulatorPhones.phone],
      set: { failNext: count },
    });
}
