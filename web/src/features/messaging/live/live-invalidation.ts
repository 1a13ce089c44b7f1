import { messagingKeys } from '../api/queries';
import type { LiveMessageEvent } from '../api/types';

type Key = readonly unknown[];

/**
 * The queries a live event makes stale: the timelines of the message's records, the inbox, the
 * unread count, the message itself and the simulator's phones. Events carry ids only; each query
 * re-reads what its user may see.
 */
export function keysFor(event: LiveMessageEvent): Key[] {
  return [
    ...event.records.map((r) => messagingKeys.record(r.type, r.id)),
    [...messagingKeys.messages, 'inbox'],
    messagingKeys.unread,
    messagingKeys.message(event.messageId),
    [...messagingKeys.messages, 'simulator'],
  ];
}

/** Parse an `event: message` frame's data; null for anything that is not one. */
export function parseLiveEvent(data: string): LiveMessageEvent | null {
  try {
    const v = JSON.parse(data) as Partial<LiveMessageEvent>;
    if (typeof v.messageId !== 'string' || !Array.isArray(v.records)) return null;
    return {
      kind: v.kind === 'updated' ? 'updated' : 'created',
      messageId: v.messageId,
      direction: v.direction === 'outbound' ? 'outbound' : 'inbound',
      records: v.records.filter(
        (r): r is LiveMessageEvent['records'][number] =>
          typeof r === 'object' &&
          r !== null &&
          typeof r.id === 'string' &&
          ['sales_record', 'individual', 'agent'].includes(r.type),
      ),
    };
  } catch {
    return null;
  }
}

const keyId = (k: Key) => JSON.stringify(k);

/**
 * Coalesces a burst of events (a campaign's statuses, a thread of replies) into one round of
 * invalidations every `delayMs`: each distinct key once. `everything()` (after a reconnect or a
 * `resync`: events may have been missed) makes every messaging query stale.
 */
export function createInvalidator(
  invalidate: (key: Key) => void,
  schedule: (fn: () => void, ms: number) => unknown = setTimeout,
  delayMs = 150,
) {
  let pending = new Map<string, Key>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const keys = [...pending.values()];
    pending = new Map();
    for (const k of keys) invalidate(k);
  };
  const add = (keys: Key[]) => {
    for (const k of keys) pending.set(keyId(k), k);
    if (!scheduled) {
      scheduled = true;
      schedule(flush, delayMs);
    }
  };
  return {
    event: (e: LiveMessageEvent) => add(keysFor(e)),
    everything: () => add([messagingKeys.messages]),
    /** Keys waiting for the next flush (tests). */
    pendingKeys: () => [...pending.values()],
  };
}
