import {
  Badge,
  Button,
  Code,
  EmptyState,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconForms, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert, Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { errorMessage } from '../../../lib/problem';
import {
  type CustomField,
  type CustomFieldEntity,
  useCustomFields,
} from '../../../lib/queries/custom-fields';
import { useDeleteCustomField } from '../api/delete-custom-field';
import { CustomFieldDialog } from '../components/custom-field-dialog';
import { ENTITY_LABELS, TYPE_LABELS } from '../components/field-types';

export function CustomFieldsPage() {
  const [entity, setEntity] = useState<CustomFieldEntity>('sales_record');
  const fields = useCustomFields(entity);
  const remove = useDeleteCustomField();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const items = fields.data ?? [];

  return (
    <Page
      title="Custom fields"
      description="Fields your agency adds to Sales Records, Individuals and Policies: text, number, date, yes/no or a pick list."
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          New field
        </Button>
      }
    >
      <SegmentedControl
        aria-label="Record kind"
        w="fit-content"
        data={(Object.keys(ENTITY_LABELS) as CustomFieldEntity[]).map((value) => ({
          value,
          label: ENTITY_LABELS[value],
        }))}
        value={entity}
        onChange={(v) => setEntity(v as CustomFieldEntity)}
      />
      <Paper withBorder radius="md" p={items.length ? 0 : 'lg'}>
        {fields.isPending ? (
          <Loading label="Loading fields…" />
        ) : fields.isError ? (
          <QueryError error={fields.error} onRetry={() => void fields.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconForms size={26} />}
            variant="light"
            title={`No custom fields on ${ENTITY_LABELS[entity]}`}
            description="Add one for anything your agency tracks that the standard fields do not cover."
            py="xl"
          />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Caption className="visually-hidden">
                Custom fields on {ENTITY_LABELS[entity]}, in order
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Order</Table.Th>
                  <Table.Th scope="col">Label</Table.Th>
                  <Table.Th scope="col">Key</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Options</Table.Th>
                  <Table.Th scope="col">Required</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={f.id} data-testid="custom-field-row">
                    <Table.Td>{f.sortOrder}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {f.label}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{f.key}</Code>
                    </Table.Td>
                    <Table.Td>{TYPE_LABELS[f.type]}</Table.Td>
                    <Table.Td maw={280}>
                      {f.options.length ? (
                        <Group gap={4}>
                          {f.options.map((o) => (
                            <Badge key={o} variant="default" tt="none" size="sm">
                              {o}
                            </Badge>
                          ))}
                        </Group>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{f.required ? 'Required' : 'Optional'}</Table.Td>
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={`Edit ${f.label}`}
                          onClick={() => setEditing(f)}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          aria-label={`Delete ${f.label}`}
                          onClick={() => setDeleting(f)}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <CustomFieldDialog
        entity={entity}
        field={editing === 'new' ? null : editing}
        opened={editing !== null}
        nextOrder={items.length ? Math.max(...items.map((f) => f.sortOrder)) + 10 : 0}
        onClose={() => setEditing(null)}
      />
      <Modal
        opened={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title="Delete custom field?"
      >
        {deleting ? (
          <Stack gap="md">
            {remove.isError ? <ErrorAlert>{errorMessage(remove.error)}</ErrorAlert> : null}
            <Text>
              <strong>{deleting.label}</strong> will no longer be shown or asked for. Values already saved
              stay in the records and their history.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" data-autofocus onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(deleting.id, {
                    onSuccess: () => {
                      notifications.show({
                        color: 'green',
                        title: 'Field deleted',
                        message: `“${deleting.label}” was deleted.`,
                      });
                      setDeleting(null);
                    },
                  })
                }
              >
                Delete field
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Page>
  );
}
