import { ActionIcon, Button, Checkbox, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useLayoutEffect, useRef } from 'react';
import type { RecordTypeValues } from './record-type-values';
import { newStatus } from './record-type-values';

const NONE = 'none';

/**
 * The ordered statuses of a record type: rename, add, remove, move up and down with buttons (focus
 * follows the moved status), which are closed (won or lost: no temperature, not open work), and
 * one "closed won" choice (or none), always closed.
 */
export function StatusesEditor({ form }: { form: UseFormReturnType<RecordTypeValues> }) {
  const listRef = useRef<HTMLDivElement>(null);
  const { statuses, closedWon } = form.getValues();
  const nameOf = (i: number) => statuses[i]?.name.trim() || `status ${i + 1}`;

  /** Where focus goes once the list has re-rendered: the first enabled match in a status' row. */
  const pendingFocus = useRef<{ key: string; selectors: string[] } | null>(null);
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-status-key="${pending.key}"]`);
    for (const selector of pending.selectors) {
      const target = row?.querySelector<HTMLElement>(`${selector}:not(:disabled)`);
      if (target) {
        target.focus();
        return;
      }
    }
  });
  const focusLater = (key: string, ...selectors: string[]) => {
    pendingFocus.current = { key, selectors };
  };

  const move = (from: number, to: number, key: string, direction: 'up' | 'down') => {
    form.reorderListItem('statuses', { from, to });
    focusLater(key, `[data-move="${direction}"]`, `[data-move="${direction === 'up' ? 'down' : 'up'}"]`);
  };

  const add = () => {
    const status = newStatus();
    form.insertListItem('statuses', status);
    focusLater(status.key, '[data-status-name]');
  };

  const remove = (index: number) => {
    const key = statuses[index]!.key;
    const next = statuses[index + 1] ?? statuses[index - 1];
    form.removeListItem('statuses', index);
    if (closedWon === key) form.setFieldValue('closedWon', NONE);
    if (next) focusLater(next.key, '[data-status-name]');
  };

  return (
    <Radio.Group
      label="Statuses"
      description="In the order records move through them. Tick the closed ones (won or lost: no temperature, not counted as open) and mark the one that means the sale is won."
      value={closedWon}
      onChange={(v) => form.setFieldValue('closedWon', v)}
      error={form.errors.statuses}
    >
      <Stack gap={6} mt="xs" ref={listRef} data-testid="statuses">
        {statuses.map((status, i) => (
          <Group
            key={status.key}
            data-status-key={status.key}
            gap="xs"
            wrap="nowrap"
            className="status-list-row"
          >
            <Text size="sm" c="dimmed" w={22} ta="right" aria-hidden>
              {i + 1}.
            </Text>
            <TextInput
              aria-label={`Status ${i + 1} name`}
              placeholder="Status name"
              data-status-name
              maxLength={100}
              style={{ flex: 1 }}
              {...form.getInputProps(`statuses.${i}.name`)}
            />
            <Checkbox
              label="Closed"
              aria-label={`${nameOf(i)} is closed`}
              checked={status.closed || status.key === closedWon}
              disabled={status.key === closedWon}
              onChange={(e) => form.setFieldValue(`statuses.${i}.closed`, e.currentTarget.checked)}
            />
            <Radio value={status.key} label="Closed won" aria-label={`${nameOf(i)} is closed won`} />
            <ActionIcon
              variant="subtle"
              color="gray.8"
              data-move="up"
              aria-label={`Move ${nameOf(i)} up`}
              disabled={i === 0}
              onClick={() => move(i, i - 1, status.key, 'up')}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray.8"
              data-move="down"
              aria-label={`Move ${nameOf(i)} down`}
              disabled={i === statuses.length - 1}
              onClick={() => move(i, i + 1, status.key, 'down')}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red.9"
              aria-label={`Remove ${nameOf(i)}`}
              disabled={statuses.length === 1}
              onClick={() => remove(i)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between" mt={4}>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            Add status
          </Button>
          <Radio value={NONE} label="No closed-won status" />
        </Group>
      </Stack>
    </Radio.Group>
  );
}
