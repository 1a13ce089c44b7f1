import type { Message } from '../api/types';

/** A message's state in words, and a colour: our state first, then the provider's delivery state. */
export function statusOf(m: Pick<Message, 'direction' | 'status' | 'deliveryStatus' | 'channel'>): {
  label: string;
  color: string;
} {
  if (m.direction === 'inbound') return { label: 'Received', color: 'blue' };
  switch (m.status) {
    case 'pending':
      return { label: 'Queued', color: 'gray' };
    case 'dispatching':
      return { label: 'Sending', color: 'gray' };
    case 'outcome_unknown':
      return { label: 'Outcome unknown — check', color: 'orange' };
    case 'refused':
      return { label: 'Refused', color: 'red' };
    case 'failed':
      return { label: 'Failed', color: 'red' };
    case 'canceled':
      return { label: 'Canceled', color: 'gray' };
    default:
      break;
  }
  switch (m.deliveryStatus) {
    case 'delivered':
    case 'read':
      return { label: m.deliveryStatus === 'read' ? 'Read' : 'Delivered', color: 'green' };
    case 'undelivered':
      return { label: 'Undelivered', color: 'red' };
    case 'failed':
      return { label: 'Failed', color: 'red' };
    case 'sent':
      return { label: 'Sent', color: 'teal' };
    case null:
      return { label: m.channel === 'email' ? 'Sent' : 'Submitted', color: 'teal' };
    default:
      return { label: m.deliveryStatus[0]!.toUpperCase() + m.deliveryStatus.slice(1), color: 'gray' };
  }
}
