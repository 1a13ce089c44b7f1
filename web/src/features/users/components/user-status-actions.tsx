import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { formatDate, formatDateTime, fullName } from '../../../lib/format';
import { errorMessage } from '../../../lib/problem';
import { useMe } from '../../../lib/session';
import { useDeleteUser } from '../api/delete-user';
import type { User } from '../api/get-user';
import { useReactivateUser } from '../api/reactivate-user';
import { useSuspendUser } from '../api/suspend-user';

const REACTIVATION_DAYS = 14;

/** Suspend or reactivate (after the 14-day cooldown) and delete, each confirmed in a dialog. */
export function UserStatusActions({ user }: { user: User }) {
  const me = useMe();
  const navigate = useNavigate();
  const suspend = useSuspendUser();
  const reactivate = useReactivateUser();
  const remove = useDeleteUser();
  const [dialog, setDialog] = useState<'suspend' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = fullName(user, user.username);

  if (user.id === me.id) {
    return (
      <Text size="sm" c="dimmed">
        This is you: another admin can suspend or delete your user.
      </Text>
    );
  }

  const close = () => {
    setDialog(null);
    setError(null);
    suspend.reset();
    remove.reset();
  };
  const allowedAt = user.reactivationAllowedAt;
  const canReactivate = !user.active && allowedAt !== null && new Date(allowedAt).getTime() <= Date.now();
  const inTwoWeeks = new Date(Date.now() + REACTIVATION_DAYS * 86_400_000).toISOString();

  return (
    <>
      <Group gap="sm" wrap="wrap" justify="flex-end">
        {user.active ? (
          <Button
            variant="default"
            leftSection={<IconUserOff size={16} aria-hidden />}
            onClick={() => setDialog('suspend')}
          >
            Suspend
          </Button>
        ) : (
          <Group gap="xs" wrap="nowrap">
            {!canReactivate && allowedAt ? (
              <Text size="sm" c="dimmed" id="reactivation-date">
                Reactivation possible from {formatDateTime(allowedAt, me.timeZone)}
              </Text>
            ) : null}
            <Button
              variant="default"
              leftSection={<IconUserCheck size={16} aria-hidden />}
              disabled={!canReactivate}
              aria-describedby={!canReactivate && allowedAt ? 'reactivation-date' : undefined}
              loading={reactivate.isPending}
              onClick={() =>
                reactivate.mutate(user.id, {
                  onSuccess: () =>
                    notifications.show({
                      color: 'green',
                      title: 'User reactivated',
                      message: `${name} can sign in again.`,
                    }),
                  onError: (e) =>
                    notifications.show({
                      color: 'red',
                      title: 'Could not reactivate',
                      message: errorMessage(e),
                    }),
                })
              }
            >
              Reactivate
            </Button>
          </Group>
        )}
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setDialog('delete')}
        >
          Delete
        </Button>
      </Group>

      <Modal opened={dialog === 'suspend'} onClose={close} title={`Suspend ${name}?`}>
        <Stack gap="md">
          {error ? <ErrorAlert title="Could not suspend the user">{error}</ErrorAlert> : null}
          <Text>
            {name} is signed out at once and can no longer sign in. A suspended user can be reactivated{' '}
            {REACTIVATION_DAYS} days after the suspension, from {formatDate(inTwoWeeks, me.timeZone)}.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={suspend.isPending}
              onClick={() =>
                suspend.mutate(user.id, {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      title: 'User suspended',
                      message: `${name} was signed out and can no longer sign in.`,
                    });
                    close();
                  },
                  onError: (e) => setError(errorMessage(e)),
                })
              }
            >
              Suspend user
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={dialog === 'delete'} onClose={close} title={`Delete ${name}?`}>
        <Stack gap="md">
          {error ? <ErrorAlert title="Could not delete the user">{error}</ErrorAlert> : null}
          <Text>
            {name} is removed from every list and dropdown, signed out, and can no longer sign in. Their
            username and email become free again. This cannot be undone.
          </Text>
          <Text>
            Everything they did — records, activities, messages and history — stays attributed to them.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(user.id, {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      title: 'User deleted',
                      message: `${name} was deleted.`,
                    });
                    close();
                    void navigate({ to: '/settings/users' });
                  },
                  onError: (e) => setError(errorMessage(e)),
                })
              }
            >
              Delete user
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
