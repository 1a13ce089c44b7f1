import { describe, expect, it } from 'vitest';
import { messagingKeys } from '../api/queries';
import { createInvalidator, keysFor, parseLiveEvent } from './live-invalidation';

const event = {
  kind: 'created' as const,
  messageId: 'm1',
  direction: 'inbound' as const,
  records: [
    { type: 'sales_record' as const, id: 'r1' },
    { type: 'individual' as const, id: 'i1' },
  ],
};

describe('live invalidation', () => {
  it('makes the message’s records, the inbox, the unread count and the message stale', () => {
    expect(keysFor(event)).toEqual([
      messagingKeys.record('sales_record', 'r1'),
      messagingKeys.record('individual', 'i1'),
      ['messaging', 'messages', 'inbox'],
      messagingKeys.unread,
      messagingKeys.message('m1'),
      ['messaging', 'messages', 'simulator'],
    ]);
  });

  it('parses a frame and refuses what is not one', () => {
    expect(parseLiveEvent(JSON.stringify(event))).toEqual(event);
    expect(parseLiveEvent('not json')).toBeNull();
    expect(parseLiveEvent('{"records":[]}')).toBeNull();
    expect(
      parseLiveEvent(
        JSON.stringify({
          ...event,
          records: [
            { type: 'policy', id: 'x' },
            { type: 'agent', id: 'a' },
          ],
        }),
      )?.records,
    ).toEqual([{ type: 'agent', id: 'a' }]);
  });

  it('coalesces a burst into one flush with each key once', () => {
    const invalidated: unknown[] = [];
    const timers: (() => void)[] = [];
    const inv = createInvalidator(
      (k) => invalidated.push(k),
      (fn) => timers.push(fn),
    );
    inv.event(event);
    inv.event({ ...event, messageId: 'm2' });
    expect(timers).toHaveLength(1);
    expect(invalidated).toEqual([]);
    timers[0]!();
    // 2 records + inbox + unread + simulator once, and each message.
    expect(invalidated).toHaveLength(7);
    expect(invalidated).toContainEqual(messagingKeys.message('m2'));
    inv.everything();
    expect(timers).toHaveLength(2);
    timers[1]!();
    expect(invalidated.at(-1)).toEqual(messagingKeys.messages);
  });
});
