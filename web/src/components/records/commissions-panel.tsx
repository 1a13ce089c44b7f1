import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCalendarDue, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useDeleteCommission } from '../../lib/attachments/delete-commission';
import { useSetRenewalCycle } from '../../lib/attachments/set-renewal-cycle';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { errorMessage } from '../../lib/problem';
import type { RecordOwner } from '../../lib/queries/attachments';
import {
  type Commission,
  type PolicyCommissions,
  type RenewalCycle,
  useRecordCommissions,
} from '../../lib/queries/commissions';
import { ErrorAlert, Loading, QueryError } from '../feedback';
import { FormSection } from '../form-section';
import { COMMISSION_KIND_LABELS, CommissionDialog } from './commission-dialog';
import { POLICY_STATUS_LABELS } from './policy-dialog';
import { NOT_SET, RENEWAL_OPTIONS } from './renewal-options';

const inDays = (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);
const rateOf = (c: Commission) =>
  c.basis === 'percent'
    ? `${Number(c.ratePercent)}% of annual premium`
    : `${formatMoney(c.amount)} a year (flat)`;

/**
 * The Information tab's "commissions and renewals": for each policy of the record, when it
 * renews (upcoming renewals flagged and listed first) and the commissions it is expected to pay,
 * first year and renewal years. Editable with the record.
 */
export function CommissionsPanel({
  owner,
  canEdit,
  onChanged,
}: {
  owner: RecordOwner;
  canEdit: boolean;
  onChanged?: () => void;
}) {
  const data = useRecordCommissions(owner);
  const [editing, setEditing] = useState<{
    policy: PolicyCommissions['policy'];
    commission: Commission | null;
  } | null>(null);
  const [removing, setRemoving] = useState<Commission | null>(null);
  const remove = useDeleteCommission(owner);

  return (
    <Paper withBorder radius="md" p="lg" mt="md" component="section" aria-label="Commissions and renewals">
      <FormSection
        title="Commissions and renewals"
        description="What each policy is expected to pay and when it renews. Premiums are monthly; a percentage is of the annual premium (12 × monthly)."
      >
        {data.isPending ? (
          <Loading label="Loading commissions…" minHeight={80} />
        ) : data.isError ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : data.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No policies yet. Add one on the Policies tab to track its commissions and renewal.
          </Text>
        ) : (
          <Stack gap="lg">
            <UpcomingRenewals items={data.data.items} days={data.data.upcomingWithinDays} />
            {data.data.items.map((item) => (
              <PolicyCommissionsView
                key={item.policy.id}
                owner={owner}
                item={item}
                canEdit={canEdit}
                onAdd={() => setEditing({ policy: item.policy, commission: null })}
                onEdit={(commission) => setEditing({ policy: item.policy, commission })}
                onRemove={setRemoving}
                {...(onChanged ? { onChanged } : {})}
              />
            ))}
          </Stack>
        )}
      </FormSection>
      <CommissionDialog
        owner={owner}
        opened={editing !== null}
        policy={editing?.policy ?? null}
        commission={editing?.commission ?? null}
        onClose={() => setEditing(null)}
        {...(onChanged ? { onSaved: onChanged } : {})}
      />
      <Modal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title="Remove commission?"
      >
        {removing ? (
          <Stack gap="md">
            {remove.isError ? <ErrorAlert>{errorMessage(remove.error)}</ErrorAlert> : null}
            <Text>
              The {COMMISSION_KIND_LABELS[removing.kind].toLowerCase()} commission paid by {removing.payer} (
              {rateOf(removing)}) will be removed.
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
                Remove commission
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}

function UpcomingRenewals({ items, days }: { items: PolicyCommissions[]; days: number }) {
  const upcoming = items.filter((i) => i.renewalUpcoming);
  if (upcoming.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconCalendarDue aria-hidden />}
      title={`Renewing in the next ${days} days`}
    >
      <Stack gap={2}>
        {upcoming.map((i) => (
          <Text size="sm" key={i.policy.id}>
            {i.policy.carrier} {i.policy.product}: {formatCalendarDate(i.nextRenewalDate)} (
            {inDays(i.daysUntilRenewal ?? 0)})
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function PolicyCommissionsView({
  owner,
  item,
  canEdit,
  onAdd,
  onEdit,
  onRemove,
  onChanged,
}: {
  owner: RecordOwner;
  item: PolicyCommissions;
  canEdit: boolean;
  onAdd: () => void;
  onEdit: (c: Commission) => void;
  onRemove: (c: Commission) => void;
  onChanged?: () => void;
}) {
  const { policy, expected } = item;
  const setCycle = useSetRenewalCycle(owner);
  const headingId = `policy-commissions-${policy.id}`;
  const name = `${policy.carrier} ${policy.product}`;
  const facts = [
    policy.premium
      ? `Premium ${formatMoney(policy.premium)} a month (${formatMoney(item.annualPremium)} a year)`
      : 'No premium',
    policy.effectiveDate ? `Effective ${formatCalendarDate(policy.effectiveDate)}` : 'No effective date',
    item.policyYear ? `Policy year ${item.policyYear}` : item.policyYear === 0 ? 'Not yet in force' : null,
  ].filter(Boolean);

  return (
    <Box component="section" aria-labelledby={headingId} data-testid="policy-commissions">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Title order={3} fz="sm" fw={650} id={headingId}>
            {name}
          </Title>
          <Text size="sm" c="dimmed">
            {facts.join(' · ')}
          </Text>
        </div>
        <Badge variant="light" color="gray" tt="none">
          {POLICY_STATUS_LABELS[policy.status]}
        </Badge>
      </Group>

      <Group gap="md" mt="xs" align="flex-end" wrap="wrap">
        <Select
          label="Renews"
          size="xs"
          w={240}
          data={RENEWAL_OPTIONS}
          allowDeselect={false}
          readOnly={!canEdit}
          value={policy.renewalCycle ?? NOT_SET}
          onChange={(v) =>
            setCycle.mutate(
              { policyId: policy.id, renewalCycle: v === NOT_SET ? null : (v as RenewalCycle) },
              { onSuccess: () => onChanged?.() },
            )
          }
          error={setCycle.isError ? errorMessage(setCycle.error) : undefined}
        />
        <Text size="sm" data-testid="next-renewal">
          {item.nextRenewalDate ? (
            <>
              Next renewal <strong>{formatCalendarDate(item.nextRenewalDate)}</strong> (
              {inDays(item.daysUntilRenewal ?? 0)})
            </>
          ) : policy.status === 'declined' || policy.status === 'cancelled' ? (
            'Does not renew'
          ) : !policy.effectiveDate ? (
            'Set an effective date to see the renewal'
          ) : (
            'Choose how it renews to see the next renewal'
          )}
        </Text>
        {item.renewalUpcoming ? (
          <Badge color="orange" variant="light" tt="none">
            Renewal coming up
          </Badge>
        ) : null}
      </Group>

      {item.commissions.length ? (
        <Table.ScrollContainer minWidth={560} mt="sm">
          <Table verticalSpacing={6} fz="sm">
            <Table.Caption className="visually-hidden">Expected commissions on {name}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Paid for</Table.Th>
                <Table.Th scope="col">Paid by</Table.Th>
                <Table.Th scope="col">Rate</Table.Th>
                <Table.Th scope="col" ta="right">
                  Expected a year
                </Table.Th>
                {canEdit ? (
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.commissions.map((c) => (
                <Table.Tr key={c.id} data-testid="commission-row">
                  <Table.Td>{COMMISSION_KIND_LABELS[c.kind]}</Table.Td>
                  <Table.Td>{c.payer}</Table.Td>
                  <Table.Td>{rateOf(c)}</Table.Td>
                  <Table.Td ta="right">
                    {c.expectedAnnual ? formatMoney(c.expectedAnnual) : 'Needs a premium'}
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={`Edit the ${COMMISSION_KIND_LABELS[c.kind].toLowerCase()} commission by ${c.payer}`}
                          onClick={() => onEdit(c)}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          aria-label={`Remove the ${COMMISSION_KIND_LABELS[c.kind].toLowerCase()} commission by ${c.payer}`}
                          onClick={() => onRemove(c)}
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
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          No expected commissions on this policy yet.
        </Text>
      )}

      <Group justify="space-between" mt="xs" gap="xs">
        <Text size="sm" data-testid="commission-totals">
          {item.commissions.length ? (
            <>
              Expected this year:{' '}
              <strong>
                {expected.thisYear
                  ? formatMoney(expected.thisYear)
                  : item.policyYear === 0
                    ? 'not in force yet'
                    : expected.needsPremium
                      ? 'needs a premium'
                      : '—'}
              </strong>
              {' · '}First year {formatMoney(expected.firstYear)} · Renewal years{' '}
              {formatMoney(expected.renewal)}
            </>
          ) : null}
        </Text>
        {canEdit ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={onAdd}
            aria-label={`Add commission to ${name}`}
          >
            Add commission
          </Button>
        ) : null}
      </Group>
    </Box>
  );
}
