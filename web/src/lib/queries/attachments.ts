import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../api-client';

/**
 * What hangs off a Sales Record or an Individual — notes, files and links, policies — read the
 * same way for both. Each feature's mutations invalidate these keys.
 */
export type RecordOwner = { kind: 'sales_record' | 'individual'; id: string };
export type Note = components['schemas']['Note'] & { fromSalesRecordId?: string | null };
export type RecordFile = components['schemas']['RecordFile'];
export type Policy = components['schemas']['Policy'];
export type PolicyStatus = Policy['status'];

export const attachmentsQueryKey = (owner: RecordOwner) => ['attachments', owner.kind, owner.id] as const;

export const notesQueryOptions = (owner: RecordOwner) =>
  queryOptions({
    queryKey: [...attachmentsQueryKey(owner), 'notes'],
    queryFn: async (): Promise<Note[]> => {
      const params = { params: { path: { id: owner.id } } };
      return owner.kind === 'sales_record'
        ? (await unwrap(api.GET('/api/v1/sales-records/{id}/notes', params))).items
        : (await unwrap(api.GET('/api/v1/individuals/{id}/notes', params))).items;
    },
  });

export const filesQueryOptions = (owner: RecordOwner) =>
  queryOptions({
    queryKey: [...attachmentsQueryKey(owner), 'files'],
    queryFn: async () => {
      const params = { params: { path: { id: owner.id } } };
      return owner.kind === 'sales_record'
        ? (await unwrap(api.GET('/api/v1/sales-records/{id}/files', params))).items
        : (await unwrap(api.GET('/api/v1/individuals/{id}/files', params))).items;
    },
  });

export const policiesQueryOptions = (owner: RecordOwner) =>
  queryOptions({
    queryKey: [...attachmentsQueryKey(owner), 'policies'],
    queryFn: async () => {
      const params = { params: { path: { id: owner.id } } };
      return owner.kind === 'sales_record'
        ? (await unwrap(api.GET('/api/v1/sales-records/{id}/policies', params))).items
        : (await unwrap(api.GET('/api/v1/individuals/{id}/policies', params))).items;
    },
  });

/** Notes, newest first, with their author. */
export const useNotes = (owner: RecordOwner) => useQuery(notesQueryOptions(owner));
/** Uploaded files and links, newest first. */
export const useFiles = (owner: RecordOwner) => useQuery(filesQueryOptions(owner));
/** Policies, newest first. */
export const usePolicies = (owner: RecordOwner) => useQuery(policiesQueryOptions(owner));
