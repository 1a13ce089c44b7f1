import { api, unwrap } from '../../../lib/api-client';
import type {
  InboxQuery,
  Message,
  MessageTemplate,
  MessageTemplateInput,
  MessageWithHistory,
  MergeFieldsResponse,
  MessagingSettings,
  OptOutEntry,
  OptOutInput,
  Page,
  PhoneNumber,
  PhoneNumberInput,
  Preview,
  PreviewInput,
  RecordKind,
  SendInput,
  SimulatorInbound,
} from './types';

/**
 * A small typed client for the messaging routes (the contract), until they are in the generated
 * schema. It goes through the app's openapi-fetch client, so the session's CSRF token and the
 * problem+json handling are the same as everywhere else; only the path types are loosened.
 */
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | undefined>;
type Loose = Record<
  Method,
  (
    path: string,
    init: { params?: { query?: Query }; body?: unknown },
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>
>;
const loose = api as unknown as Loose;

function call<T>(method: Method, path: string, opts: { query?: Query; body?: unknown } = {}): Promise<T> {
  const query = opts.query
    ? Object.fromEntries(Object.entries(opts.query).filter(([, v]) => v !== undefined && v !== ''))
    : undefined;
  return unwrap(
    loose[method](`/api/v1${path}`, {
      ...(query ? { params: { query } } : {}),
      ...(opts.body !== undefined ? { body: opts.body } : {}),
    }),
  ) as Promise<T>;
}

const seg = encodeURIComponent;
export const RECORD_PATHS: Record<RecordKind, string> = {
  sales_record: 'sales-records',
  individual: 'individuals',
  agent: 'agents',
};

export const messagingApi = {
  // sms-out
  listPhoneNumbers: () => call<{ items: PhoneNumber[] }>('GET', '/phone-numbers'),
  addPhoneNumber: (body: PhoneNumberInput) => call<PhoneNumber>('POST', '/phone-numbers', { body }),
  relabelPhoneNumber: (id: string, label: string) =>
    call<PhoneNumber>('PATCH', `/phone-numbers/${seg(id)}`, { body: { label } }),
  deletePhoneNumber: (id: string) => call<void>('DELETE', `/phone-numbers/${seg(id)}`),
  setDefaultPhoneNumber: (userId: string, phoneNumberId: string | null) =>
    call<void>('PUT', `/users/${seg(userId)}/default-phone-number`, { body: { phoneNumberId } }),
  getSettings: () => call<MessagingSettings>('GET', '/messaging/settings'),
  updateSettings: (body: Partial<MessagingSettings>) =>
    call<MessagingSettings>('PATCH', '/messaging/settings', { body }),
  listTemplates: () => call<{ items: MessageTemplate[] }>('GET', '/message-templates'),
  createTemplate: (body: MessageTemplateInput) =>
    call<MessageTemplate>('POST', '/message-templates', { body }),
  updateTemplate: (id: string, body: Partial<MessageTemplateInput>) =>
    call<MessageTemplate>('PATCH', `/message-templates/${seg(id)}`, { body }),
  deleteTemplate: (id: string) => call<void>('DELETE', `/message-templates/${seg(id)}`),
  mergeFields: () => call<MergeFieldsResponse>('GET', '/message-templates/merge-fields'),
  preview: (body: PreviewInput) => call<Preview>('POST', '/messages/preview', { body }),
  send: (body: SendInput) => call<Message>('POST', '/messages', { body }),
  cancel: (id: string) => call<Message>('POST', `/messages/${seg(id)}/cancel`),
  getMessage: (id: string) => call<MessageWithHistory>('GET', `/messages/${seg(id)}`),
  // sms-in
  recordMessages: (kind: RecordKind, id: string, cursor?: string) =>
    call<Page<Message>>('GET', `/${RECORD_PATHS[kind]}/${seg(id)}/messages`, {
      query: { cursor, limit: 50 },
    }),
  inbox: (q: InboxQuery) => call<Page<Message>>('GET', '/messages', { query: { ...q } }),
  unreadCount: () => call<{ count: number }>('GET', '/messages/unread-count'),
  markRead: (id: string) => call<void>('POST', `/messages/${seg(id)}/read`),
  markAllRead: () => call<void>('POST', '/messages/read-all'),
  createLead: (id: string, body: { firstName: string; lastName: string }) =>
    call<{ salesRecordId: string }>('POST', `/messages/${seg(id)}/create-lead`, { body }),
  confirmRevocation: (id: string) => call<Message>('POST', `/messages/${seg(id)}/confirm-revocation`),
  dismissRevocation: (id: string) => call<Message>('POST', `/messages/${seg(id)}/dismiss-revocation`),
  optOuts: (phone?: string, cursor?: string) =>
    call<Page<OptOutEntry>>('GET', '/opt-outs', { query: { phone, cursor } }),
  recordOptOut: (body: OptOutInput) => call<OptOutEntry>('POST', '/opt-outs', { body }),
  // the simulator's beneficiary side
  simulatorSend: (body: SimulatorInbound) => call<unknown>('POST', '/simulator/messages', { body }),
  simulatorPhone: (phone: string) =>
    call<{ items: Message[] }>('GET', `/simulator/phones/${seg(phone)}/messages`),
  simulatorFailNext: (phone: string, count: number) =>
    call<void>('POST', `/simulator/phones/${seg(phone)}/fail-next`, { body: { count } }),
};
