import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { errorMessage } from '../../../lib/problem';
import type { SecurityGroup } from '../../../lib/queries/security-groups';
import { useDeleteSecurityGroup } from '../api/delete-security-group';

/** Confirm deleting a group; a group that still has users cannot be deleted, and says so. */
export function DeleteSecurityGroupDialog({
  group,
  onClose,
}: {
  group: SecurityGroup | null;
  onClose: () => void;
}) {
  const remove = useDeleteSecurityGroup();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    remove.reset();
    onClose();
  };
  const inUse = (group?.userCount ?? 0) > 0;
  return (
    <Modal
      opened={group !== null}
      onClose={close}
      title={inUse ? 'This group has users' : 'Delete security group?'}
    >
      {group ? (
        <Stack gap="md">
          {error ? <ErrorAlert title="Could not delete the group">{error}</ErrorAlert> : null}
          {inUse ? (
            <Text>
              {group.userCount === 1 ? '1 user is' : `${group.userCount} users are`} in{' '}
              <strong>{group.name}</strong>. Move them to another group first, then delete it.
            </Text>
          ) : (
            <Text>
              <strong>{group.name}</strong> will be deleted. No user is in it.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {inUse ? 'Close' : 'Cancel'}
            </Button>
            {inUse ? null : (
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(group.id, {
                    onSuccess: () => {
                      notifications.show({
                        color: 'green',
                        title: 'Group deleted',
                        message: `“${group.name}” was deleted.`,
                      });
                      close();
                    },
                    onError: (e) => setError(errorMessage(e)),
                  })
                }
              >
                Delete group
              </Button>
            )}
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
