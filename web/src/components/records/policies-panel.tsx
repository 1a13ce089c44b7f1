import { Badge, Button, EmptyState, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconShieldHalf, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useDeletePolicy } from '../../lib/attachments/delete-policy';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { errorMessage } from '../../lib/problem';
import { type Policy, type PolicyStatus, type RecordOwner, usePolicies } from '../../lib/queries/attachments';
import { useCustomFields } from '../../lib/queries/custom-fields';
import { describeCustomValue } from '../../lib/record-fields';
import { ErrorAlert, Loading, QueryError } from '../feedback';
import { POLICY_STATUS_LABELS, PolicyDialog } from './policy-dialog';

const STATUS_COLORS: Record<PolicyStatus, string> = {
  quoted: 'gray',
  pending: 'yellow',
  active: 'green',
  declined: 'red',
  cancelled: 'gray',
};

/** Policies of a record (quoted on a lead, moved to the client on conversion): list, add, edit, remove. */
export function PoliciesPanel({
  owner,
  canEdit,
  onChanged,
}: {
  owner: RecordOwner;
  canEdit: boolean;
  onChanged?: () => void;
}) {
  const policies = usePolicies(owner);
  const customFields = useCustomFields('policy');
  const remove = useDeletePolicy(owner);
  const [editing, setEditing] = useState<Policy | 'new' | null>(null);
  const [removing, setRemoving] = useState<Policy | null>(null);
  const defs = customFields.data ?? [];

  return (
    <Stack gap="md">
      {canEdit ? (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            Add policy
          </Button>
        </Group>
      ) : null}
      {policies.isPending ? (
        <Loading label="Loading policies…" />
      ) : policies.isError ? (
        <QueryError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : policies.data.length === 0 ? (
        <EmptyState
          icon={<IconShieldHalf size={26} />}
          variant="light"
          title="No policies yet"
          description={
            canEdit
              ? 'Add the policies you quoted; they move to the client when the sale converts.'
              : undefined
          }
          py="lg"
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Caption className="visually-hidden">Policies, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Carrier</Table.Th>
                <Table.Th scope="col">Product</Table.Th>
                <Table.Th scope="col">Coverage type</Table.Th>
                <Table.Th scope="col">Premium</Table.Th>
                <Table.Th scope="col">Effective</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                {defs.map((d) => (
                  <Table.Th key={d.id} scope="col">
                    {d.label}
                  </Table.Th>
                ))}
                {canEdit ? (
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.data.map((p) => (
                <Table.Tr key={p.id} data-testid="policy-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.carrier}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.product}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.coverageType ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatMoney(p.premium)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatCalendarDate(p.effectiveDate)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[p.status]} tt="none">
                      {POLICY_STATUS_LABELS[p.status]}
                    </Badge>
                  </Table.Td>
                  {defs.map((d) => (
                    <Table.Td key={d.id}>
                      <Text size="sm">{describeCustomValue(d, p.customFields[d.key])}</Text>
                    </Table.Td>
                  ))}
                  {canEdit ? (
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={`Edit ${p.carrier} ${p.product}`}
                          onClick={() => setEditing(p)}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          aria-label={`Remove ${p.carrier} ${p.product}`}
                          onClick={() => setRemoving(p)}
                        >
                          Remove
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PolicyDialog
        owner={owner}
        opened={editing !== null}
        policy={editing === 'new' ? null : editing}
        customFields={defs}
        onClose={() => setEditing(null)}
        {...(onChanged ? { onSaved: onChanged } : {})}
      />
      <Modal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title="Remove policy?"
      >
        {removing ? (
          <Stack gap="md">
            {remove.isError ? <ErrorAlert>{errorMessage(remove.error)}</ErrorAlert> : null}
            <Text>
              The {removing.carrier} {removing.product} policy will be removed from this record.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" data-autofocus onClick={() => setRemoving(null)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(removing.id, {
                    onSuccess: () => {
                      setRemoving(null);
                      onChanged?.();
                    },
                  })
                }
              >
                Remove policy
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
