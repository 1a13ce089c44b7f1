import type { DbOrTx } from '../../db/client.ts';
import { Hooks } from '../../lib/hooks.ts';
import type { AccountScope } from '../access/index.ts';

/**
 * Does a module above files still hold stored bytes under `key` (e.g. a CSV import's upload)? Stored
 * bytes are removed only when no file row and no holder answers true. Filled at start-up by
 * src/server/wiring.ts (decision 042): files does not know who the holders are.
 */
export type StoredBytesHolder = (db: DbOrTx, scope: AccountScope, key: string) => Promise<boolean>;

export const storedBytesHolders = new Hooks<StoredBytesHolder>('stored-bytes holder');
