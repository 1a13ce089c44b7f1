import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconSend, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ErrorAlert, Loading, QueryError } from '../../../components/feedback';
import { useDateTimeFormat } from '../../../lib/format';
import { errorMessage, isApiError } from '../../../lib/problem';
import type { RecordOwner } from '../../../lib/queries/attachments';
import {
  type Form,
  pdfUrl,
  type SendFormBody,
  useDeleteForm,
  useEditForm,
  useForms,
  useFormSettings,
  useSendForm,
} from '../api/forms';
import {
  CONTACT_LABELS,
  EXCEPTION_LABELS,
  KIND_LABELS,
  PLAN_LABELS,
  STATUS_COLORS,
  TIMING_LABELS,
} from './labels';

type Plan = Form['plans'][number];
const PLANS = Object.keys(PLAN_LABELS) as Plan[];

/** A problem's field errors as a list (the 422 for missing profile details links to the profile). */
function ProblemList({ error }: { error: unknown }) {
  const errors = isApiError(error) ? (error.problem.errors ?? []) : [];
  return (
    <ErrorAlert title="Not sent">
      <Stack gap={4}>
        <Text size="sm">{errorMessage(error)}</Text>
        {errors.length ? (
          <List size="sm">
            {errors.map((e) => (
              <List.Item key={`${e.path}${e.message}`}>{e.message}</List.Item>
            ))}
          </List>
        ) : null}
        {errors.some((e) => e.path.startsWith('profile.')) ? (
          <Anchor href="/profile" size="sm">
            Open my profile
          </Anchor>
        ) : null}
      </Stack>
    </ErrorAlert>
  );
}

const isoOrNull = (local: string) => (local ? new Date(local).toISOString() : null);

function SendFormDialog({
  owner,
  opened,
  onClose,
}: {
  owner: RecordOwner;
  opened: boolean;
  onClose: () => void;
}) {
  const send = useSendForm(owner);
  const soa = useFormSettings('soa');
  const [kind, setKind] = useState<Form['kind']>('soa');
  const [channel, setChannel] = useState<'email' | 'sms'>('email');
  const [language, setLanguage] = useState<'en' | 'es'>('en');
  const [plans, setPlans] = useState<string[] | null>(null);
  const [appointment, setAppointment] = useState('');
  const [contact, setContact] = useState<string>('');
  const shownPlans = plans ?? soa.data?.defaultPlans ?? [];
  const offered = soa.data?.plansOffered ?? PLANS;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: SendFormBody = {
      kind,
      record: { type: owner.kind, id: owner.id },
      channel,
      language,
      ...(kind === 'soa'
        ? {
            plans: shownPlans as Plan[],
            appointmentAt: isoOrNull(appointment),
            firstContactMethod: (contact || null) as SendFormBody['firstContactMethod'],
          }
        : {}),
    };
    send.mutate(body, {
      onSuccess: (f) => {
        notifications.show({
          color: 'green',
          title: 'Form sent',
          message: `The link went to ${f.sentTo}; it works for 24 hours.`,
        });
        send.reset();
        onClose();
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Send a form" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {send.isError ? <ProblemList error={send.error} /> : null}
          <NativeSelect
            label="Form"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as Form['kind'])}
            data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Group grow>
            <NativeSelect
              label="Send by"
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value as 'email' | 'sms')}
              data={[
                { value: 'email', label: 'Email' },
                { value: 'sms', label: 'Text message' },
              ]}
            />
            <NativeSelect
              label="Language"
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value as 'en' | 'es')}
              data={[
                { value: 'en', label: 'English' },
                { value: 'es', label: 'Español' },
              ]}
            />
          </Group>
          {kind === 'soa' ? (
            <>
              <Checkbox.Group label="Plans to represent" value={shownPlans} onChange={setPlans} withAsterisk>
                <Stack gap={6} mt={6}>
                  {offered.map((p) => (
                    <Checkbox key={p} value={p} label={PLAN_LABELS[p]} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <TextInput
                type="datetime-local"
                label="Appointment"
                value={appointment}
                onChange={(e) => setAppointment(e.currentTarget.value)}
                required
              />
              <NativeSelect
                label="How the contact started"
                value={contact}
                onChange={(e) => setContact(e.currentTarget.value)}
                data={[
                  { value: '', label: '—' },
                  ...Object.entries(CONTACT_LABELS).map(([value, label]) => ({ value, label })),
                ]}
              />
            </>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={send.isPending} leftSection={<IconSend size={16} aria-hidden />}>
              Send
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EditFormDialog({ owner, form, onClose }: { owner: RecordOwner; form: Form; onClose: () => void }) {
  const edit = useEditForm(owner);
  const [plans, setPlans] = useState<string[]>(form.plans);
  const [completed, setCompleted] = useState(form.appointmentCompletedAt?.slice(0, 16) ?? '');
  const [reason, setReason] = useState<string>(form.exceptionReason ?? form.timing?.suggestedReason ?? '');
  const [note, setNote] = useState(form.exceptionNote ?? '');
  const needsReason =
    form.timing?.status === 'exception_required' || form.timing?.status === 'covered_by_exception';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    edit.mutate(
      {
        id: form.id,
        body: {
          plans: plans as Plan[],
          appointmentCompletedAt: isoOrNull(completed),
          exceptionReason: (reason || null) as Form['exceptionReason'],
          exceptionNote: note.trim() || null,
        },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title="Edit the signed SOA" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Each change makes a new PDF version; earlier versions are kept.
          </Text>
          {edit.isError ? <ProblemList error={edit.error} /> : null}
          <Checkbox.Group label="Plans represented" value={plans} onChange={setPlans}>
            <Stack gap={6} mt={6}>
              {PLANS.map((p) => (
                <Checkbox key={p} value={p} label={PLAN_LABELS[p]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput
            type="datetime-local"
            label="Date the appointment was completed"
            value={completed}
            onChange={(e) => setCompleted(e.currentTarget.value)}
          />
          <NativeSelect
            label="Reason the SOA was not documented 48 hours before"
            description={
              needsReason
                ? 'Required: the SOA was signed less than 48 hours before the appointment.'
                : undefined
            }
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...Object.entries(EXCEPTION_LABELS).map(([value, label]) => ({ value, label })),
            ]}
            required={needsReason}
          />
          <Textarea
            label="Note"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={edit.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The Forms tab of a Sales Record or an Individual: send, list, download every version, edit, delete. */
export function FormsPanel({ owner }: { owner: RecordOwner }) {
  const forms = useForms(owner);
  const remove = useDeleteForm(owner);
  const fmt = useDateTimeFormat();
  const [sending, setSending] = useState(false);
  const [editing, setEditing] = useState<Form | null>(null);

  if (forms.isPending) return <Loading label="Loading forms…" />;
  if (forms.isError) return <QueryError error={forms.error} onRetry={() => void forms.refetch()} />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} fz="md">
          Compliance forms
        </Title>
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setSending(true)}>
          Send a form
        </Button>
      </Group>
      {remove.isError ? <ErrorAlert title="Not deleted">{errorMessage(remove.error)}</ErrorAlert> : null}
      {forms.data.length === 0 ? (
        <Paper withBorder p="md" radius="md">
          <Text c="dimmed">
            No forms yet. Send a Scope of Appointment or an ACA form for this person to sign online.
          </Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" data-testid="forms-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Form</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Signed</Table.Th>
                <Table.Th>Appointment</Table.Th>
                <Table.Th>Documents</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {forms.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {KIND_LABELS[f.kind]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      by {f.sender.name} · {f.plans.map((p) => PLAN_LABELS[p]).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[f.status]} variant="light">
                      {f.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{fmt(f.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {f.channel} to {f.sentTo}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.signedAt ? fmt(f.signedAt) : '—'}</Text>
                    {f.signerName ? (
                      <Text size="xs" c="dimmed">
                        {f.signerName}
                        {f.authorizedRep ? ` (${f.authorizedRep.relationship})` : ''}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.appointmentAt ? fmt(f.appointmentAt) : '—'}</Text>
                    {f.timing ? (
                      <Badge
                        color={TIMING_LABELS[f.timing.status].color}
                        variant="light"
                        size="sm"
                        data-testid="soa-timing"
                      >
                        {TIMING_LABELS[f.timing.status].label}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {f.versions.map((v) => (
                        <Anchor key={v.version} href={pdfUrl(f.id, v.version)} size="sm" download>
                          <Group gap={4} wrap="nowrap">
                            <IconDownload size={14} aria-hidden />
                            Version {v.version} (PDF)
                          </Group>
                        </Anchor>
                      ))}
                      {f.versions.length === 0 ? <Text size="sm">—</Text> : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {f.canEdit ? (
                        <Button size="xs" variant="default" onClick={() => setEditing(f)}>
                          Edit
                        </Button>
                      ) : null}
                      {f.canDelete ? (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          loading={remove.isPending && remove.variables === f.id}
                          onClick={() => remove.mutate(f.id)}
                        >
                          Delete
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {forms.data.some((f) => f.timing?.status === 'exception_required' && f.canEdit) ? (
        <Alert color="orange" variant="light" title="An SOA needs an exception reason">
          It was signed less than 48 hours before the appointment. Edit it to record the reason.
        </Alert>
      ) : null}
      <SendFormDialog owner={owner} opened={sending} onClose={() => setSending(false)} />
      {editing ? <EditFormDialog owner={owner} form={editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
