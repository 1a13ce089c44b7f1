import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { activityStatusesQueryKey, activityTypesQueryKey } from '../../../lib/queries/activities';

export type SettingKind = 'types' | 'statuses';
export type SettingValues = {
  name?: string;
  category?: 'appointment' | null;
  isClosed?: boolean;
  isCancelled?: boolean;
  active?: boolean;
};

const keyOf = (kind: SettingKind) => (kind === 'types' ? activityTypesQueryKey : activityStatusesQueryKey);

/** POST (no id) or PATCH /activity-types|activity-statuses/{id}. */
export function useSaveActivitySetting(kind: SettingKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, values }: { id: string | null; values: SettingValues }) => {
      if (kind === 'types') {
        const body = { name: values.name, category: values.category, active: values.active };
        return id
          ? unwrap(api.PATCH('/api/v1/activity-types/{id}', { params: { path: { id } }, body }))
          : unwrap(
              api.POST('/api/v1/activity-types', {
                body: { name: values.name ?? '', category: values.category ?? null },
              }),
            );
      }
      const body = {
        name: values.name,
        isClosed: values.isClosed,
        isCancelled: values.isCancelled,
        active: values.active,
      };
      return id
        ? unwrap(api.PATCH('/api/v1/activity-statuses/{id}', { params: { path: { id } }, body }))
        : unwrap(
            api.POST('/api/v1/activity-statuses', {
              body: {
                name: values.name ?? '',
                isClosed: values.isClosed ?? false,
                isCancelled: values.isCancelled ?? false,
              },
            }),
          );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(kind) }),
  });
}

/** PUT /activity-types/order or /activity-statuses/order: every id, in the new order. */
export function useReorderActivitySettings(kind: SettingKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]): Promise<void> => {
      if (kind === 'types') await unwrap(api.PUT('/api/v1/activity-types/order', { body: { ids } }));
      else await unwrap(api.PUT('/api/v1/activity-statuses/order', { body: { ids } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(kind) }),
  });
}
