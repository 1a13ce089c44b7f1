import { describe, expect, it } from 'vitest';
import type { Me } from '../../lib/session';
import { canReadMessagesOf, canSendTo, canViewInbox, wantsLiveEvents } from './permissions';

const me = (over: { tasks?: string[]; viewMessagesTab?: boolean; admin?: boolean }): Me =>
  ({
    tasks: over.tasks ?? [],
    isAccountAdmin: over.admin ?? false,
    salesPermissions: { flags: { viewMessagesTab: over.viewMessagesTab ?? false } },
  }) as unknown as Me;

describe('who sees what of messaging in the web app', () => {
  it('shows the inbox with View Messages Tab, and to admins', () => {
    expect(canViewInbox(me({}))).toBe(false);
    expect(canViewInbox(me({ viewMessagesTab: true }))).toBe(true);
    expect(canViewInbox(me({ admin: true }))).toBe(true);
  });

  it('sends and reads per record kind, or everything with View All SMS', () => {
    const agentOnly = me({ tasks: ['sms.send.agent', 'sms.history.agent'] });
    expect(canSendTo(agentOnly, 'agent')).toBe(true);
    expect(canSendTo(agentOnly, 'sales_record')).toBe(false);
    expect(canReadMessagesOf(agentOnly, 'individual')).toBe(false);
    expect(canReadMessagesOf(me({ tasks: ['sms.history.all'] }), 'individual')).toBe(true);
  });

  it('opens the live stream only for someone who could be shown a message', () => {
    expect(wantsLiveEvents(me({ tasks: ['sales_record.view'] }))).toBe(false);
    expect(wantsLiveEvents(me({ tasks: ['sms.history.sales_record'] }))).toBe(true);
    expect(wantsLiveEvents(me({ viewMessagesTab: true }))).toBe(true);
  });
});
