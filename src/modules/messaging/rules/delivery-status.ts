/**
 * Delivery state of a message from Twilio's status callbacks (MessageEnumStatus; spec §1.2).
 * Callbacks may arrive late, twice, or out of order, and none is sent for the initial status, so
 * the state is the furthest one seen, never earlier:
 *
 *   outbound  accepted < scheduled < queued < sending < sent < (undelivered | delivered) < read
 *             failed and canceled end it too
 *   inbound   receiving < received
 *
 * Final: delivered, undelivered, failed, canceled, read (and received for inbound). Nothing moves a
 * final state except stronger evidence of arrival: `undelivered → delivered | read` (a carrier's late
 * handset receipt) and `delivered → read`. `failed` (Twilio never handed it to a carrier) and
 * `canceled` (never sent) are absolute: a later status for them is inconsistent and ignored, as is a
 * later `failed`/`undelivered` after `delivered`. An inbound status on an outbound message (or the
 * reverse) and unknown values (e.g. `partially_delivered`) are ignored and reported.
 */
export const DELIVERY_STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'canceled',
  'read',
  'receiving',
  'received',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const FINAL_STATUSES: ReadonlySet<DeliveryStatus> = new Set([
  'delivered',
  'undelivered',
  'failed',
  'canceled',
  'read',
  'received',
]);

const OUTBOUND_RANK: Partial<Record<DeliveryStatus, number>> = {
  accepted: 0,
  scheduled: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  undelivered: 5,
  failed: 5,
  canceled: 5,
  delivered: 6,
  read: 7,
};
const INBOUND_RANK: Partial<Record<DeliveryStatus, number>> = { receiving: 0, received: 1 };

export type StatusTransition =
  | { status: DeliveryStatus; changed: true }
  | {
      status: DeliveryStatus | null;
      changed: false;
      ignored: 'duplicate' | 'stale' | 'final' | 'direction_mismatch' | 'unknown_status';
    };

export const isDeliveryStatus = (s: string): s is DeliveryStatus =>
  (DELIVERY_STATUSES as readonly string[]).includes(s);

/** The state after an incoming status (`current` null: nothing recorded yet). */
export function nextDeliveryStatus(current: DeliveryStatus | null, incoming: string): StatusTransition {
  const keep = (ignored: 'duplicate' | 'stale' | 'final' | 'direction_mismatch' | 'unknown_status') =>
    ({ status: current, changed: false, ignored }) as const;
  if (!isDeliveryStatus(incoming)) return keep('unknown_status');
  if (current === null) return { status: incoming, changed: true };
  if (incoming === current) return keep('duplicate');
  const ranks = OUTBOUND_RANK[current] !== undefined ? OUTBOUND_RANK : INBOUND_RANK;
  const from = ranks[current]!;
  const to = ranks[incoming];
  if (to === undefined) return keep('direction_mismatch');
  if (FINAL_STATUSES.has(current)) {
    const evidenceOfArrival =
      (current === 'undelivered' && (incoming === 'delivered' || incoming === 'read')) ||
      (current === 'delivered' && incoming === 'read');
    return evidenceOfArrival ? { status: incoming, changed: true } : keep('final');
  }
  return to > from ? { status: incoming, changed: true } : keep('stale');
}
