import { describe, expect, it } from 'vitest';
import { DELIVERY_STATUSES, nextDeliveryStatus, type DeliveryStatus } from './delivery-status.ts';

// Every (current, incoming) pair: a status name is the new state; otherwise the reason it is
// ignored: '=' duplicate, 'stale' (earlier than current), 'final', 'dir' (inbound vs outbound).
const TABLE = `
current     accepted    scheduled   queued      sending     sent        delivered   undelivered failed      canceled    read        receiving   received
accepted    =           scheduled   queued      sending     sent        delivered   undelivered failed      canceled    read        dir         dir
scheduled   stale       =           queued      sending     sent        delivered   undelivered failed      canceled    read        dir         dir
queued      stale       stale       =           sending     sent        delivered   undelivered failed      canceled    read        dir         dir
sending     stale       stale       stale       =           sent        delivered   undelivered failed      canceled    read        dir         dir
sent        stale       stale       stale       stale       =           delivered   undelivered failed      canceled    read        dir         dir
delivered   final       final       final       final       final       =           final       final       final       read        dir         dir
undelivered final       final       final       final       final       delivered   =           final       final       read        dir         dir
failed      final       final       final       final       final       final       final       =           final       final       dir         dir
canceled    final       final       final       final       final       final       final       final       =           final       dir         dir
read        final       final       final       final       final       final       final       final       final       =           dir         dir
receiving   dir         dir         dir         dir         dir         dir         dir         dir         dir         dir         =           received
received    dir         dir         dir         dir         dir         dir         dir         dir         dir         dir         final       =
`;
const [header, ...body] = TABLE.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/));
const COLUMNS = header!.slice(1) as DeliveryStatus[];
const E = Object.fromEntries(body.map(([current, ...cells]) => [current, cells])) as Record<
  DeliveryStatus,
  string[]
>;
const IGNORED = { '=': 'duplicate', stale: 'stale', final: 'final', dir: 'direction_mismatch' } as const;

describe('nextDeliveryStatus: every pair', () => {
  const cases = DELIVERY_STATUSES.flatMap((current) =>
    E[current].map((cell, i) => [current, COLUMNS[i]!, cell] as const),
  );
  it('the table covers 12 × 12 pairs, in the order of DELIVERY_STATUSES', () => {
    expect(COLUMNS).toEqual([...DELIVERY_STATUSES]);
    expect(cases).toHaveLength(144);
  });
  it.each(cases)('%s + %s → %s', (current, incoming, cell) => {
    const expected =
      cell in IGNORED
        ? { status: current, changed: false, ignored: IGNORED[cell as keyof typeof IGNORED] }
        : { status: cell, changed: true };
    expect(nextDeliveryStatus(current, incoming)).toEqual(expected);
  });
  it.each(DELIVERY_STATUSES)('nothing recorded + %s → %s', (incoming) => {
    expect(nextDeliveryStatus(null, incoming)).toEqual({ status: incoming, changed: true });
  });
  it('unknown statuses are ignored and reported', () => {
    expect(nextDeliveryStatus('sent', 'partially_delivered')).toEqual({
      status: 'sent',
      changed: false,
      ignored: 'unknown_status',
    });
    expect(nextDeliveryStatus(null, 'DELIVERED')).toEqual({
      status: null,
      changed: false,
      ignored: 'unknown_status',
    });
  });
});

describe('callbacks in any order end in the same state', () => {
  const fold = (statuses: string[]) =>
    statuses.reduce<DeliveryStatus | null>((s, next) => nextDeliveryStatus(s, next).status, null);
  it.each([
    [['queued', 'sending', 'sent', 'delivered'], 'delivered'],
    [['delivered', 'sent', 'sending', 'queued'], 'delivered'],
    [['sent', 'delivered', 'sent', 'delivered'], 'delivered'],
    [['sent', 'undelivered', 'delivered'], 'delivered'],
    [['delivered', 'undelivered'], 'delivered'],
    [['failed', 'sent', 'delivered'], 'failed'],
    [['queued', 'canceled', 'sending'], 'canceled'],
    [['read', 'delivered', 'sent'], 'read'],
    [['receiving', 'received', 'receiving'], 'received'],
  ])('%j → %s', (statuses, expected) => {
    expect(fold(statuses)).toBe(expected);
  });
});
