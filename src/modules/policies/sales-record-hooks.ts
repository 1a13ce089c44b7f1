import { eq, sql } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { SalesRecordConversionHook } from '../sales-records/index.ts';
import { policies } from './schema.ts';

/** A converted Sales Record's policies are the Individual's (they keep their Sales Record link). */
export const movePoliciesToIndividual: SalesRecordConversionHook = async (tx, actor, c) => {
  await tx
    .update(policies)
    .set({ individualId: c.individualId, updatedAt: sql`now()` as never })
    .where(inAccount(actor, policies, eq(policies.salesRecordId, c.salesRecordId)));
};
