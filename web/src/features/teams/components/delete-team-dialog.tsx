import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { errorMessage } from '../../../lib/problem';
import type { Team } from '../../../lib/queries/teams';
import { useDeleteTeam } from '../api/delete-team';

export function DeleteTeamDialog({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const remove = useDeleteTeam();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={team !== null} onClose={close} title="Delete team?">
      {team ? (
        <Stack gap="md">
          {error ? <ErrorAlert title="Could not delete the team">{error}</ErrorAlert> : null}
          <Text>
            <strong>{team.name}</strong> will be deleted. Its members stay users; Activities assigned to the
            team keep their history.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(team.id, {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      title: 'Team deleted',
                      message: `“${team.name}” was deleted.`,
                    });
                    close();
                  },
                  onError: (e) => setError(errorMessage(e)),
                })
              }
            >
              Delete team
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
