import { desc, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { individuals } from './schema.ts';

/** The newest Individual whose phone or cell is `phone` (E.164), or undefined. */
export async function newestIndividualByPhone(tx: DbOrTx, scope: AccountScope, phone: string) {
  const [ind] = await tx
    .select({ id: individuals.id })
    .from(individuals)
    .where(inAccount(scope, individuals, or(eq(individuals.phone, phone), eq(individuals.cellPhone, phone))))
    .orderBy(desc(individuals.createdAt), desc(individuals.id))
    .limit(1);
  return ind ? { id: ind.id } : undefined;
}
