import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/** The PostgreSQL channel live events travel on (every app process listens to it). */
export const LIVE_CHANNEL = 'openams_live';

/**
 * Something a user's open page should show without a reload. Events carry ids only (NOTIFY
 * payloads are limited to 8,000 bytes, and a listener re-reads what it may see through the API).
 */
export type LiveEvent = {
  accountId: string;
  topic: 'messages';
  kind: 'created' | 'updated';
  messageId: string;
  direction: 'outbound' | 'inbound';
  /** The records the message belongs to (none for an unknown sender). */
  records: { type: 'sales_record' | 'individual' | 'agent'; id: string }[];
};

/**
 * Publish a live event. Call it inside the change's transaction: PostgreSQL delivers NOTIFY on
 * commit and drops it on rollback, so a page never hears of a change that did not happen.
 */
export async function notifyLive(tx: DbOrTx, event: LiveEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`);
}
