import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { Hooks } from '../../lib/hooks.ts';
import type { Actor, SystemActor } from '../access/index.ts';

/**
 * What modules above sales-records do when a Sales Record is purged (decision 042). Called in the
 * purge's transaction before the record's row goes (rows that reference it cascade); what it returns
 * runs once that transaction has committed (e.g. files releases the stored bytes). Filled at start-up
 * by src/server/wiring.ts.
 */
export type SalesRecordPurgeHook = (
  deps: Deps,
  tx: Tx,
  actor: SystemActor,
  salesRecordId: string,
) => Promise<(() => Promise<void>) | void>;

export const salesRecordPurgeHooks = new Hooks<SalesRecordPurgeHook>('Sales Record purge');

/**
 * What modules above sales-records carry over when a Sales Record converts into an Individual
 * (policies, files): called in the conversion's transaction. Filled by src/server/wiring.ts.
 */
export type SalesRecordConversionHook = (
  tx: Tx,
  actor: Actor,
  conversion: { salesRecordId: string; individualId: string },
) => Promise<void>;

export const salesRecordConversionHooks = new Hooks<SalesRecordConversionHook>('Sales Record conversion');
