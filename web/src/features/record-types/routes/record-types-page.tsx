import { Alert, Button, EmptyState, Group, Paper, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconLayoutList, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { errorMessage } from '../../../lib/problem';
import { MAX_RECORD_TYPES, type RecordType, useRecordTypes } from '../../../lib/queries/record-types';
import { useSetDefaultRecordType } from '../api/set-default-record-type';
import { DeleteRecordTypeDialog } from '../components/delete-record-type-dialog';
import { RecordTypeDialog } from '../components/record-type-dialog';
import { RecordTypesTable } from '../components/record-types-table';

export function RecordTypesPage() {
  const recordTypes = useRecordTypes();
  const setDefault = useSetDefaultRecordType();
  const [editing, setEditing] = useState<RecordType | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RecordType | null>(null);
  const items = recordTypes.data ?? [];
  const atLimit = items.length >= MAX_RECORD_TYPES;
  const defaultType = items.find((rt) => rt.isDefault);

  return (
    <Page
      title="Record types"
      description="Record types sort Sales Records (e.g. leads, renewals), each with its own ordered statuses."
      actions={
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setEditing('new')}
          disabled={!recordTypes.data || atLimit}
        >
          New record type
        </Button>
      }
    >
      {recordTypes.isPending ? (
        <Loading label="Loading record types…" />
      ) : recordTypes.isError ? (
        <QueryError error={recordTypes.error} onRetry={() => void recordTypes.refetch()} />
      ) : (
        <>
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
              <Select
                label="Default record type"
                description="New Sales Records get this type unless another is chosen."
                data={items.map((rt) => ({ value: rt.id, label: rt.name }))}
                value={defaultType?.id ?? null}
                placeholder="Choose the default"
                allowDeselect={false}
                disabled={setDefault.isPending}
                onChange={(id) => {
                  if (!id || id === defaultType?.id) return;
                  setDefault.mutate(id, {
                    onSuccess: () =>
                      notifications.show({
                        color: 'green',
                        title: 'Default record type saved',
                        message: `New Sales Records are now “${items.find((rt) => rt.id === id)?.name}”.`,
                      }),
                    onError: (e) =>
                      notifications.show({ color: 'red', title: 'Could not save', message: errorMessage(e) }),
                  });
                }}
                w={{ base: '100%', sm: 360 }}
              />
              <Text size="sm" c="dimmed" data-testid="record-type-count">
                {items.length} of {MAX_RECORD_TYPES} record types
              </Text>
            </Group>
          </Paper>
          {atLimit ? (
            <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />} title="Limit reached">
              An account can have at most {MAX_RECORD_TYPES} record types. Remove or reuse one before adding
              another.
            </Alert>
          ) : null}
          <Paper withBorder radius="md" p={items.length ? 0 : 'lg'}>
            {items.length === 0 ? (
              <EmptyState
                icon={<IconLayoutList size={26} />}
                variant="light"
                title="No record types"
                description="Create one, e.g. “Lead” with its statuses."
                py="xl"
              />
            ) : (
              <RecordTypesTable recordTypes={items} onEdit={setEditing} onDelete={setDeleting} />
            )}
          </Paper>
        </>
      )}
      <RecordTypeDialog
        opened={editing !== null}
        recordType={editing === 'new' ? null : editing}
        nextSortOrder={Math.min(1000, Math.max(-1, ...items.map((rt) => rt.sortOrder)) + 1)}
        onClose={() => setEditing(null)}
      />
      <DeleteRecordTypeDialog recordType={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}
