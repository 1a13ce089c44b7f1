import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../../components/feedback';
import { fullName } from '../../../lib/format';
import { errorMessage } from '../../../lib/problem';
import { useConvertSalesRecord } from '../api/convert-sales-record';
import type { SalesRecord } from '../api/get-sales-record';

/** Confirm, convert, and open the client (Individual) the record became or merged into. */
export function ConvertLeadDialog({
  record,
  opened,
  onClose,
}: {
  record: SalesRecord;
  opened: boolean;
  onClose: () => void;
}) {
  const convert = useConvertSalesRecord();
  const navigate = useNavigate();
  const name = fullName(record);
  const close = () => {
    convert.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Convert to a client?" size="lg">
      <Stack gap="md">
        {convert.isError ? (
          <ErrorAlert title="Not converted">{errorMessage(convert.error)}</ErrorAlert>
        ) : null}
        <Text>
          {record.individualId
            ? `${name} was sold to an existing client: the sale’s details fill in what that client record lacks.`
            : `${name} becomes a client (an Individual record).`}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>The person’s details, notes, files and policies go to the client.</List.Item>
          <List.Item>The agent becomes the client’s Servicing Agent.</List.Item>
          <List.Item>This Sales Record stays, read-only, as the compliance trail of the sale.</List.Item>
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button
            loading={convert.isPending}
            onClick={() =>
              convert.mutate(record.id, {
                onSuccess: ({ individualId, merged }) => {
                  notifications.show({
                    color: 'green',
                    title: merged ? 'Merged into the client' : 'Converted',
                    message: `${name} is now a client.`,
                  });
                  void navigate({ to: '/clients/$id', params: { id: individualId } });
                },
              })
            }
          >
            Convert to client
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
