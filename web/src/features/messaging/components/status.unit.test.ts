import { describe, expect, it } from 'vitest';
import { statusOf } from './status';

describe('a message’s status in words', () => {
  it('puts our state before the provider’s', () => {
    const out = { direction: 'outbound' as const, channel: 'sms' as const };
    expect(statusOf({ ...out, status: 'pending', deliveryStatus: null }).label).toBe('Queued');
    expect(statusOf({ ...out, status: 'outcome_unknown', deliveryStatus: null }).color).toBe('orange');
    expect(statusOf({ ...out, status: 'submitted', deliveryStatus: 'delivered' })).toEqual({
      label: 'Delivered',
      color: 'green',
    });
    expect(statusOf({ ...out, status: 'submitted', deliveryStatus: 'undelivered' }).color).toBe('red');
    expect(statusOf({ ...out, status: 'submitted', deliveryStatus: 'queued' }).label).toBe('Queued');
    expect(statusOf({ ...out, status: 'failed', deliveryStatus: 'sent' }).label).toBe('Failed');
    expect(
      statusOf({ direction: 'inbound', channel: 'sms', status: 'received', deliveryStatus: null }).label,
    ).toBe('Received');
  });
});
