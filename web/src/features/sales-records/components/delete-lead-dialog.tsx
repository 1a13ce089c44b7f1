import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { fullName } from '../../../lib/format';
import { errorMessage } from '../../../lib/problem';
import { useDeleteSalesRecord } from '../api/delete-sales-record';
import type { SalesRecord } from '../api/get-sales-record';

/**
 * Delete a Sales Record, after the user acknowledges the 10-year record retention duty (the
 * server refuses without it). An admin can restore it within 30 days.
 */
export function DeleteLeadDialog({
  record,
  opened,
  onClose,
}: {
  record: SalesRecord;
  opened: boolean;
  onClose: () => void;
}) {
  const remove = useDeleteSalesRecord();
  const navigate = useNavigate();
  const [acknowledged, setAcknowledged] = useState(false);
  const name = fullName(record);
  const close = () => {
    setAcknowledged(false);
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Delete this Sales Record?" size="lg">
      <Stack gap="md">
        {remove.isError ? <ErrorAlert title="Not deleted">{errorMessage(remove.error)}</ErrorAlert> : null}
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title="Keep records for 10 years"
        >
          Insurance regulations require most agencies to keep records for at least 10 years. Instead of
          deleting, consider moving the record to the Archive record type (“Do not contact”, “Hold until next
          year’s AEP”, “Deceased”).
        </Alert>
        <Text>
          <strong>{name}</strong> will leave every list. An administrator can restore the record within 30
          days (Settings → Deleted records); after that it is removed for good.
        </Text>
        <Checkbox
          label="I understand that I may be required to keep this record for 10 years, and I still want to delete it."
          checked={acknowledged}
          onChange={(e) => setAcknowledged(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={!acknowledged}
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(record.id, {
                onSuccess: () => {
                  notifications.show({
                    color: 'green',
                    title: 'Sales Record deleted',
                    message: `${name} was deleted. An administrator can restore it within 30 days.`,
                  });
                  void navigate({ to: '/leads', replace: true });
                },
              })
            }
          >
            Delete record
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
