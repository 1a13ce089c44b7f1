import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { errorMessage } from '../../../lib/problem';
import type { RecordType } from '../../../lib/queries/record-types';
import { useDeleteRecordType } from '../api/delete-record-type';

/** Confirm deleting a record type; the default one cannot be deleted, and says so. */
export function DeleteRecordTypeDialog({
  recordType,
  onClose,
}: {
  recordType: RecordType | null;
  onClose: () => void;
}) {
  const remove = useDeleteRecordType();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    remove.reset();
    onClose();
  };
  const isDefault = recordType?.isDefault ?? false;
  return (
    <Modal
      opened={recordType !== null}
      onClose={close}
      title={isDefault ? 'This is the default record type' : 'Delete record type?'}
    >
      {recordType ? (
        <Stack gap="md">
          {error ? <ErrorAlert title="Could not delete the record type">{error}</ErrorAlert> : null}
          {isDefault ? (
            <Text>
              <strong>{recordType.name}</strong> is the account’s default record type. Choose another default
              first, then delete it.
            </Text>
          ) : (
            <Text>
              <strong>{recordType.name}</strong> and its {recordType.statuses.length} statuses will be
              deleted, and users lose their access settings for it.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {isDefault ? 'Close' : 'Cancel'}
            </Button>
            {isDefault ? null : (
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(recordType.id, {
                    onSuccess: () => {
                      notifications.show({
                        color: 'green',
                        title: 'Record type deleted',
                        message: `“${recordType.name}” was deleted.`,
                      });
                      close();
                    },
                    onError: (e) => setError(errorMessage(e)),
                  })
                }
              >
                Delete record type
              </Button>
            )}
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
