import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { messagingApi } from './client';
import type {
  InboxQuery,
  MessageTemplateInput,
  MessagingSettings,
  OptOutInput,
  PhoneNumberInput,
  RecordKind,
} from './types';

/** Every messaging query key starts with 'messaging'; live events invalidate by these prefixes. */
export const messagingKeys = {
  all: ['messaging'] as const,
  messages: ['messaging', 'messages'] as const,
  record: (kind: RecordKind, id: string) => ['messaging', 'messages', 'record', kind, id] as const,
  inbox: (q: Omit<InboxQuery, 'cursor'>) => ['messaging', 'messages', 'inbox', q] as const,
  unread: ['messaging', 'messages', 'unread-count'] as const,
  message: (id: string) => ['messaging', 'messages', 'one', id] as const,
  simulator: (phone: string) => ['messaging', 'messages', 'simulator', phone] as const,
  phoneNumbers: ['messaging', 'phone-numbers'] as const,
  settings: ['messaging', 'settings'] as const,
  templates: ['messaging', 'templates'] as const,
  mergeFields: ['messaging', 'merge-fields'] as const,
  optOuts: (phone: string) => ['messaging', 'opt-outs', phone] as const,
};

export const recordMessagesQueryOptions = (kind: RecordKind, id: string) =>
  infiniteQueryOptions({
    queryKey: messagingKeys.record(kind, id),
    queryFn: ({ pageParam }) => messagingApi.recordMessages(kind, id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
export const useRecordMessages = (kind: RecordKind, id: string) =>
  useInfiniteQuery(recordMessagesQueryOptions(kind, id));

export const useInbox = (q: Omit<InboxQuery, 'cursor'>) =>
  useInfiniteQuery({
    queryKey: messagingKeys.inbox(q),
    queryFn: ({ pageParam }) => messagingApi.inbox({ ...q, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: messagingKeys.unread,
    queryFn: messagingApi.unreadCount,
    enabled,
    // Live events refresh it; a slow poll covers a lost stream.
    refetchInterval: 60_000,
  });

export const useMessage = (id: string | null) =>
  useQuery({
    queryKey: messagingKeys.message(id ?? ''),
    queryFn: () => messagingApi.getMessage(id!),
    enabled: id !== null,
  });

export const phoneNumbersQueryOptions = () =>
  queryOptions({ queryKey: messagingKeys.phoneNumbers, queryFn: messagingApi.listPhoneNumbers });
export const usePhoneNumbers = () => useQuery(phoneNumbersQueryOptions());
export const useTemplates = () =>
  useQuery({ queryKey: messagingKeys.templates, queryFn: messagingApi.listTemplates });
export const useMergeFields = () =>
  useQuery({ queryKey: messagingKeys.mergeFields, queryFn: messagingApi.mergeFields, staleTime: Infinity });
export const useMessagingSettings = () =>
  useQuery({ queryKey: messagingKeys.settings, queryFn: messagingApi.getSettings });
export const useOptOuts = (phone: string) =>
  useInfiniteQuery({
    queryKey: messagingKeys.optOuts(phone),
    queryFn: ({ pageParam }) => messagingApi.optOuts(phone || undefined, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** A mutation that refreshes the given keys when it succeeds. */
function useRefreshing<V, R>(fn: (v: V) => Promise<R>, keys: readonly (readonly unknown[])[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useSendMessage = () => useRefreshing(messagingApi.send, [messagingKeys.messages]);
export const useCancelMessage = () => useRefreshing(messagingApi.cancel, [messagingKeys.messages]);
export const useMarkRead = () => useRefreshing(messagingApi.markRead, [messagingKeys.messages]);
export const useMarkAllRead = () => useRefreshing(() => messagingApi.markAllRead(), [messagingKeys.messages]);
export const useCreateLeadFromMessage = () =>
  useRefreshing(
    (v: { id: string; firstName: string; lastName: string }) =>
      messagingApi.createLead(v.id, { firstName: v.firstName, lastName: v.lastName }),
    [messagingKeys.messages],
  );
export const useConfirmRevocation = () =>
  useRefreshing(messagingApi.confirmRevocation, [messagingKeys.messages, ['messaging', 'opt-outs']]);
export const useDismissRevocation = () =>
  useRefreshing(messagingApi.dismissRevocation, [messagingKeys.messages]);

export const useAddPhoneNumber = () =>
  useRefreshing((v: PhoneNumberInput) => messagingApi.addPhoneNumber(v), [messagingKeys.phoneNumbers]);
export const useRelabelPhoneNumber = () =>
  useRefreshing(
    (v: { id: string; label: string }) => messagingApi.relabelPhoneNumber(v.id, v.label),
    [messagingKeys.phoneNumbers],
  );
export const useDeletePhoneNumber = () =>
  useRefreshing(messagingApi.deletePhoneNumber, [messagingKeys.phoneNumbers]);
export const useSetDefaultPhoneNumber = () =>
  useRefreshing(
    (v: { userId: string; phoneNumberId: string | null }) =>
      messagingApi.setDefaultPhoneNumber(v.userId, v.phoneNumberId),
    [messagingKeys.phoneNumbers],
  );
export const useUpdateMessagingSettings = () =>
  useRefreshing((v: Partial<MessagingSettings>) => messagingApi.updateSettings(v), [messagingKeys.settings]);
export const useSaveTemplate = () =>
  useRefreshing(
    (v: { id?: string; input: MessageTemplateInput }) =>
      v.id ? messagingApi.updateTemplate(v.id, v.input) : messagingApi.createTemplate(v.input),
    [messagingKeys.templates],
  );
export const useDeleteTemplate = () => useRefreshing(messagingApi.deleteTemplate, [messagingKeys.templates]);
export const useRecordOptOut = () =>
  useRefreshing((v: OptOutInput) => messagingApi.recordOptOut(v), [['messaging', 'opt-outs']]);
