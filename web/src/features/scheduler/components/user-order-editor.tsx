import { ActionIcon, Group, Paper, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useLayoutEffect, useRef } from 'react';
import type { UserSummary } from '../../../lib/queries/users';
import type { ScheduleValues } from './schedule-values';

/**
 * The ordered user list: bookings go to the first user who is free (a static order, never
 * rotated). Add from the account's active users, move up and down (focus follows the moved user),
 * remove.
 */
export function UserOrderEditor({
  form,
  users,
}: {
  form: UseFormReturnType<ScheduleValues>;
  users: UserSummary[];
}) {
  const { userIds } = form.getValues();
  const listRef = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ id: string; selector: string } | null>(null);
  useLayoutEffect(() => {
    const p = pendingFocus.current;
    if (!p) return;
    pendingFocus.current = null;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-user-id="${p.id}"]`);
    (
      row?.querySelector<HTMLElement>(`${p.selector}:not(:disabled)`) ??
      row?.querySelector<HTMLElement>('button:not(:disabled)')
    )?.focus();
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const nameOf = (id: string) => {
    const u = byId.get(id);
    return u ? `${u.firstName} ${u.lastName}` : 'Unknown user';
  };
  const move = (from: number, to: number, direction: 'up' | 'down') => {
    pendingFocus.current = { id: userIds[from]!, selector: `[data-move="${direction}"]` };
    form.reorderListItem('userIds', { from, to });
  };
  const candidates = users
    .filter((u) => u.active && !userIds.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.firstName} ${u.lastName} (${u.username})` }));

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="user-order-label">
        Users, in the order bookings go to them
      </Text>
      <Paper withBorder radius="md" p="xs">
        {userIds.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            No users yet.
          </Text>
        ) : (
          <ol
            ref={listRef}
            aria-labelledby="user-order-label"
            className="plain-list"
            data-testid="user-order"
          >
            {userIds.map((id, i) => (
              <li key={id} data-user-id={id}>
                <Group gap="xs" wrap="nowrap" py={4}>
                  <Text size="sm" c="dimmed" w={22} ta="right" aria-hidden>
                    {i + 1}.
                  </Text>
                  <Text size="sm" style={{ flex: 1 }}>
                    {nameOf(id)}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray.8"
                    data-move="up"
                    aria-label={`Move ${nameOf(id)} up`}
                    disabled={i === 0}
                    onClick={() => move(i, i - 1, 'up')}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray.8"
                    data-move="down"
                    aria-label={`Move ${nameOf(id)} down`}
                    disabled={i === userIds.length - 1}
                    onClick={() => move(i, i + 1, 'down')}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={`Remove ${nameOf(id)}`}
                    onClick={() => form.removeListItem('userIds', i)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </li>
            ))}
          </ol>
        )}
      </Paper>
      {form.errors.userIds ? (
        <Text size="sm" c="red.8" role="alert">
          {form.errors.userIds}
        </Text>
      ) : null}
      <Select
        label="Add a user"
        placeholder={candidates.length ? 'Choose a user' : 'Every active user is on the list'}
        data={candidates}
        value={null}
        searchable
        disabled={candidates.length === 0}
        onChange={(id) => id && form.insertListItem('userIds', id)}
        w={{ base: '100%', sm: 360 }}
      />
    </Stack>
  );
}
