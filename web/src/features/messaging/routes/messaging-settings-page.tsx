import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconStar, IconStarFilled, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { formatPhone, useDateTimeFormat } from '../../../lib/format';
import { errorMessage, isApiError } from '../../../lib/problem';
import { useMe } from '../../../lib/session';
import {
  useAddPhoneNumber,
  useDeletePhoneNumber,
  useDeleteTemplate,
  useMergeFields,
  useMessagingSettings,
  useOptOuts,
  usePhoneNumbers,
  useRecordOptOut,
  useRelabelPhoneNumber,
  useSaveTemplate,
  useSetDefaultPhoneNumber,
  useTemplates,
  useUpdateMessagingSettings,
} from '../api/queries';
import type { Channel, MessageTemplate, MessagingSettings } from '../api/types';

type Tab = 'numbers' | 'settings' | 'templates' | 'opt-outs';

/** Settings › Messaging: the account's numbers, its messaging settings, templates, the opt-out ledger. */
export function MessagingSettingsPage() {
  const [tab, setTab] = useState<Tab>('numbers');
  return (
    <Page title="Messaging" description="Phone numbers, texting rules, templates and consent.">
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'numbers')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="numbers">Phone numbers</Tabs.Tab>
          <Tabs.Tab value="settings">Texting rules</Tabs.Tab>
          <Tabs.Tab value="templates">Templates</Tabs.Tab>
          <Tabs.Tab value="opt-outs">Opt-out ledger</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="numbers">
          <PhoneNumbersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <SettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <TemplatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="opt-outs">
          <OptOutsPanel />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

const fieldErrors = (e: unknown): Record<string, string> =>
  isApiError(e) ? Object.fromEntries((e.problem.errors ?? []).map((x) => [x.path, x.message])) : {};

function PhoneNumbersPanel() {
  const me = useMe();
  const numbers = usePhoneNumbers();
  const add = useAddPhoneNumber();
  const relabel = useRelabelPhoneNumber();
  const remove = useDeletePhoneNumber();
  const setDefault = useSetDefaultPhoneNumber();
  const [number, setNumber] = useState('');
  const [label, setLabel] = useState('');
  const [editing, setEditing] = useState<{ id: string; label: string } | null>(null);
  const errs = fieldErrors(add.error);
  const failure = relabel.error ?? remove.error ?? setDefault.error;
  return (
    <Stack gap="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { number: number.trim(), label: label.trim() },
            {
              onSuccess: () => {
                setNumber('');
                setLabel('');
              },
            },
          );
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Number"
            placeholder="+12025550100"
            required
            maxLength={20}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            error={errs.number}
          />
          <TextInput
            label="Label"
            placeholder="Main line"
            required
            maxLength={100}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errs.label}
          />
          <Button type="submit" loading={add.isPending} disabled={!number.trim() || !label.trim()}>
            Add number
          </Button>
        </Group>
        {add.error && !Object.keys(errs).length ? (
          <Text c="red" size="sm" role="alert" mt="xs">
            {errorMessage(add.error)}
          </Text>
        ) : null}
      </form>
      {failure ? (
        <Text c="red" size="sm" role="alert">
          {errorMessage(failure)}
        </Text>
      ) : null}
      {numbers.isPending ? (
        <Loading />
      ) : numbers.isError ? (
        <QueryError error={numbers.error} onRetry={() => void numbers.refetch()} />
      ) : numbers.data.items.length === 0 ? (
        <Text c="dimmed">No numbers yet: texting needs one.</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Label</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>
                  <Text span size="sm" fw={700}>
                    My default
                  </Text>
                </Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {numbers.data.items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>{formatPhone(n.number)}</Table.Td>
                  <Table.Td>{n.label}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{n.provider}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={n.isMyDefault ? 'My default (click to unset)' : 'Make my default'}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={
                          n.isMyDefault ? `Unset ${n.label} as my default` : `Make ${n.label} my default`
                        }
                        aria-pressed={n.isMyDefault}
                        onClick={() =>
                          setDefault.mutate({ userId: me.id, phoneNumberId: n.isMyDefault ? null : n.id })
                        }
                      >
                        {n.isMyDefault ? (
                          <IconStarFilled size={16} aria-hidden />
                        ) : (
                          <IconStar size={16} aria-hidden />
                        )}
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Relabel ${n.label}`}
                        onClick={() => setEditing({ id: n.id, label: n.label })}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${n.label}`}
                        onClick={() => {
                          if (
                            window.confirm(
                              `Delete ${n.label} (${formatPhone(n.number)})? Texts to it stop arriving.`,
                            )
                          )
                            remove.mutate(n.id);
                        }}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Relabel the number">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (editing) relabel.mutate(editing, { onSuccess: () => setEditing(null) });
          }}
        >
          <Stack>
            <TextInput
              label="Label"
              required
              maxLength={100}
              value={editing?.label ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setEditing((x) => (x ? { ...x, label: v } : x));
              }}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                Cancel
              </Button>
              <Button type="submit" loading={relabel.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

function SettingsPanel() {
  const q = useMessagingSettings();
  const save = useUpdateMessagingSettings();
  const [v, setV] = useState<MessagingSettings | null>(null);
  useEffect(() => {
    if (q.data) setV(q.data);
  }, [q.data]);
  if (q.isPending || !v) return q.isError ? <QueryError error={q.error} /> : <Loading />;
  const errs = fieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(v, {
          onSuccess: () =>
            notifications.show({ color: 'green', title: 'Saved', message: 'Messaging settings saved.' }),
        });
      }}
    >
      <Stack gap="sm" maw={560}>
        <Textarea
          label="Answer to HELP"
          description="Sent when someone texts HELP or INFO."
          maxLength={320}
          autosize
          value={v.helpText ?? ''}
          onChange={(e) => setV({ ...v, helpText: e.currentTarget.value || null })}
          error={errs.helpText}
        />
        <Textarea
          label="Opt-out confirmation"
          description="The one text sent after someone opts out. No marketing."
          maxLength={320}
          autosize
          value={v.optOutConfirmation ?? ''}
          onChange={(e) => setV({ ...v, optOutConfirmation: e.currentTarget.value || null })}
          error={errs.optOutConfirmation}
        />
        <Group grow>
          <TextInput
            label="Texting window starts"
            description="In each sender’s time zone"
            type="time"
            required
            value={v.senderWindowStart}
            onChange={(e) => setV({ ...v, senderWindowStart: e.currentTarget.value })}
            error={errs.senderWindowStart}
          />
          <TextInput
            label="Texting window ends"
            description="Recipients’ quiet hours apply too"
            type="time"
            required
            value={v.senderWindowEnd}
            onChange={(e) => setV({ ...v, senderWindowEnd: e.currentTarget.value })}
            error={errs.senderWindowEnd}
          />
        </Group>
        <Group grow>
          <NumberInput
            label="Texts per second per number"
            min={1}
            max={100}
            value={v.perNumberPerSecond}
            onChange={(n) => setV({ ...v, perNumberPerSecond: Number(n) || 1 })}
            error={errs.perNumberPerSecond}
          />
          <NumberInput
            label="Brand daily cap (10DLC)"
            min={1}
            max={10_000_000}
            thousandSeparator=","
            value={v.brandDailyCap}
            onChange={(n) => setV({ ...v, brandDailyCap: Number(n) || 1 })}
            error={errs.brandDailyCap}
          />
        </Group>
        {save.error && !Object.keys(errs).length ? (
          <Text c="red" size="sm" role="alert">
            {errorMessage(save.error)}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const emptyTemplate = { name: '', channel: 'sms' as Channel, subject: '', body: '' };

function TemplatesPanel() {
  const templates = useTemplates();
  const fields = useMergeFields();
  const save = useSaveTemplate();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<(typeof emptyTemplate & { id?: string }) | null>(null);
  const errs = fieldErrors(save.error);
  const open = (t?: MessageTemplate) =>
    setEditing(
      t
        ? { id: t.id, name: t.name, channel: t.channel, subject: t.subject ?? '', body: t.body }
        : { ...emptyTemplate },
    );
  const names = (fields.data?.items ?? []).map((f) => (typeof f === 'string' ? f : f.name));
  return (
    <Stack gap="md">
      <Group>
        <Button onClick={() => open()}>New template</Button>
      </Group>
      {remove.error ? (
        <Text c="red" size="sm" role="alert">
          {errorMessage(remove.error)}
        </Text>
      ) : null}
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <QueryError error={templates.error} />
      ) : templates.data.items.length === 0 ? (
        <Text c="dimmed">No templates yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Text</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>{t.channel === 'sms' ? 'Text' : 'Email'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {t.subject ? `${t.subject} — ` : ''}
                      {t.body}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`Edit ${t.name}`} onClick={() => open(t)}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${t.name}`}
                        onClick={() => {
                          if (window.confirm(`Delete the template “${t.name}”?`)) remove.mutate(t.id);
                        }}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.id ? 'Edit template' : 'New template'}
        size="lg"
      >
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const { id, ...rest } = editing;
              save.mutate(
                {
                  ...(id ? { id } : {}),
                  input: { ...rest, subject: rest.channel === 'email' ? rest.subject : null },
                },
                { onSuccess: () => setEditing(null) },
              );
            }}
          >
            <Stack gap="sm">
              <TextInput
                label="Name"
                required
                maxLength={100}
                value={editing.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  setEditing((x) => x && { ...x, name });
                }}
                error={errs.name}
                data-autofocus
              />
              <Select
                label="Channel"
                data={[
                  { value: 'sms', label: 'Text' },
                  { value: 'email', label: 'Email' },
                ]}
                value={editing.channel}
                onChange={(c) => setEditing((x) => x && { ...x, channel: (c as Channel) ?? 'sms' })}
                allowDeselect={false}
                disabled={!!editing.id}
              />
              {editing.channel === 'email' ? (
                <TextInput
                  label="Subject"
                  required
                  maxLength={200}
                  value={editing.subject}
                  onChange={(e) => {
                    const subject = e.currentTarget.value;
                    setEditing((x) => x && { ...x, subject });
                  }}
                  error={errs.subject}
                />
              ) : null}
              <Textarea
                label="Body"
                required
                autosize
                minRows={4}
                maxLength={editing.channel === 'sms' ? 1600 : 100_000}
                value={editing.body}
                onChange={(e) => {
                  const body = e.currentTarget.value;
                  setEditing((x) => x && { ...x, body });
                }}
                error={errs.body}
              />
              <Text size="sm" c="dimmed">
                Merge fields, filled from the record and the sender when the message goes:{' '}
                {names.length ? names.map((n) => <Code key={n} mr={4}>{`{{${n}}}`}</Code>) : '…'}
              </Text>
              {save.error && !Object.keys(errs).length ? (
                <Text c="red" size="sm" role="alert">
                  {errorMessage(save.error)}
                </Text>
              ) : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  Cancel
                </Button>
                <Button type="submit" loading={save.isPending}>
                  Save
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Modal>
    </Stack>
  );
}

const ACTIONS: Record<string, string> = {
  opt_out: 'Opted out',
  opt_in: 'Opted back in',
  revocation_confirmed: 'Revocation confirmed',
};

/** A consent change a user learned of by other means (a call, a letter): recorded in the ledger. */
function RecordConsentForm() {
  const record = useRecordOptOut();
  const [phone, setPhone] = useState('');
  const [action, setAction] = useState<'opt_out' | 'opt_in'>('opt_out');
  const [note, setNote] = useState('');
  const errs = fieldErrors(record.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate(
          { phone: phone.trim(), action, note: note.trim() },
          {
            onSuccess: () => {
              setPhone('');
              setNote('');
              notifications.show({
                color: 'green',
                title: 'Recorded',
                message: 'The ledger has the change.',
              });
            },
          },
        );
      }}
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Phone"
          placeholder="+12025550143"
          required
          maxLength={20}
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={errs.phone}
        />
        <Select
          label="Change"
          data={[
            { value: 'opt_out', label: 'Opted out' },
            { value: 'opt_in', label: 'Opted back in' },
          ]}
          value={action}
          onChange={(v) => setAction(v === 'opt_in' ? 'opt_in' : 'opt_out')}
          allowDeselect={false}
        />
        <TextInput
          label="How we learned it"
          placeholder="Asked on a call, 3 Dec"
          required
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errs.note}
        />
        <Button
          type="submit"
          variant="default"
          loading={record.isPending}
          disabled={!phone.trim() || !note.trim()}
        >
          Record
        </Button>
      </Group>
      {record.error && !Object.keys(errs).length ? (
        <Text c="red" size="sm" role="alert" mt="xs">
          {errorMessage(record.error)}
        </Text>
      ) : null}
    </form>
  );
}

function OptOutsPanel() {
  const [phone, setPhone] = useState('');
  const [applied, setApplied] = useState('');
  const q = useOptOuts(applied);
  const formatTime = useDateTimeFormat();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Every consent change, kept forever: keywords, confirmed revocations, provider reports, and changes
        recorded by users.
      </Text>
      <RecordConsentForm />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(phone.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Filter by phone"
            placeholder="+12025550143"
            maxLength={20}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
          />
          <Button type="submit" variant="default">
            Filter
          </Button>
        </Group>
      </form>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">No entries.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th>Account number</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th>How</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{formatTime(o.at)}</Table.Td>
                  <Table.Td>{formatPhone(o.phone)}</Table.Td>
                  <Table.Td>
                    {o.accountNumber === '*' ? 'All numbers' : formatPhone(o.accountNumber)}
                  </Table.Td>
                  <Table.Td>{ACTIONS[o.action] ?? o.action}</Table.Td>
                  <Table.Td>
                    {o.source}
                    {o.keyword ? ` (“${o.keyword}”)` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {q.hasNextPage ? (
        <Button variant="default" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          More
        </Button>
      ) : null}
    </Stack>
  );
}
