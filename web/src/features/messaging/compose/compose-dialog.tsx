import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Menu,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBraces, IconClock, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useReducer, useRef, useState } from 'react';
import { filesQueryOptions } from '../../../lib/queries/attachments';
import { formatPhone, useDateTimeFormat } from '../../../lib/format';
import { errorMessage, isApiError } from '../../../lib/problem';
import { messagingApi } from '../api/client';
import { useMergeFields, usePhoneNumbers, useSendMessage, useTemplates } from '../api/queries';
import type { Channel, Preview, RecordRef } from '../api/types';
import {
  composeReducer,
  initialComposeState,
  MAX_SUBJECT,
  outcomeOfProblem,
  queueLabel,
  readiness,
  sendInput,
  smsCounter,
} from './compose-state';

export type ComposeDialogProps = {
  opened: boolean;
  onClose: () => void;
  to: RecordRef;
  /** Who it goes to, for the title ("Text Ruth Baker"). */
  recipientName: string;
  initialChannel?: Channel;
  /** Channels the user may use here (both by default). */
  channels?: Channel[];
};

const fieldName = (f: string | { name: string }) => (typeof f === 'string' ? f : f.name);

/**
 * Compose a text or an email to a record: template, merge fields at the caret, the live segment
 * counter (the server's algorithm), the server's preview (merged text, problems, the texting
 * window, opt-out) and, outside the window, the choice to send when it opens or cancel.
 * Ctrl+Enter (⌘+Enter) sends.
 */
export function ComposeDialog(props: ComposeDialogProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`Message ${props.recipientName}`}
      size="lg"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 500}
    >
      {props.opened ? <ComposeForm {...props} /> : null}
    </Modal>
  );
}

function ComposeForm({
  onClose,
  to,
  initialChannel = 'sms',
  channels = ['sms', 'email'],
}: ComposeDialogProps) {
  const [state, dispatch] = useReducer(composeReducer, initialComposeState(initialChannel));
  const formatTime = useDateTimeFormat();
  const templates = useTemplates();
  const mergeFields = useMergeFields();
  const numbers = usePhoneNumbers();
  const send = useSendMessage();
  const [error, setError] = useState<{ message: string; errors: string[] } | null>(null);
  const [fromNumber, setFromNumber] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const owner = to.type === 'agent' ? null : { kind: to.type, id: to.id };
  const files = useQuery({
    ...filesQueryOptions(owner ?? { kind: 'individual', id: '' }),
    enabled: !!owner && state.channel === 'email',
  });

  useEffect(() => {
    if (fromNumber === null && numbers.data?.items.length)
      setFromNumber((numbers.data.items.find((n) => n.isMyDefault) ?? numbers.data.items[0]!).id);
  }, [numbers.data, fromNumber]);

  const [debounced] = useDebouncedValue(
    { channel: state.channel, body: state.body, subject: state.subject },
    400,
  );
  const preview = useQuery({
    queryKey: ['messaging', 'preview', to.type, to.id, debounced],
    queryFn: () =>
      messagingApi.preview({
        channel: debounced.channel,
        to,
        body: debounced.body,
        ...(debounced.channel === 'email' ? { subject: debounced.subject } : {}),
      }),
    enabled: debounced.body.trim().length > 0,
    staleTime: 10_000,
    retry: false,
  });
  const current =
    preview.data && debounced.body === state.body && debounced.channel === state.channel
      ? preview.data
      : null;
  const counter = state.channel === 'sms' ? smsCounter(state.body) : null;
  const ready = readiness(state, current);

  const submit = async (whenOutsideWindow: 'refuse' | 'queue') => {
    if (!ready.ok || send.isPending) return;
    setError(null);
    // The preview already says the window is closed: ask first rather than be refused.
    if (whenOutsideWindow === 'refuse' && current && !current.window.allowed && !state.outsideWindow) {
      dispatch({
        type: 'outsideWindow',
        nextAllowedAt: current.window.nextAllowedAt,
        reasons: current.window.reasons,
      });
      return;
    }
    try {
      const message = await send.mutateAsync(
        sendInput(state, to, { whenOutsideWindow, fromPhoneNumberId: fromNumber }),
      );
      const queued = message.status === 'pending';
      notifications.show({
        color: queued ? 'blue' : 'green',
        title: queued ? 'Queued' : state.channel === 'sms' ? 'Text sent' : 'Email sent',
        message: queued
          ? `It will go ${message.sendAfter ? `at ${formatTime(message.sendAfter)}` : 'when the window opens'}.`
          : 'It is on the Messages tab.',
      });
      onClose();
    } catch (e) {
      if (isApiError(e)) {
        const outcome = outcomeOfProblem(
          e.problem as unknown as { detail: string } & Record<string, unknown>,
        );
        if (outcome.kind === 'outside_window') {
          dispatch({ type: 'outsideWindow', nextAllowedAt: outcome.nextAllowedAt, reasons: [] });
          return;
        }
        setError({ message: e.problem.detail, errors: (e.problem.errors ?? []).map((x) => x.message) });
        return;
      }
      setError({ message: errorMessage(e), errors: [] });
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit(state.outsideWindow ? 'queue' : 'refuse');
    }
  };

  const insertField = (field: string) => {
    const el = bodyRef.current;
    dispatch({
      type: 'insertField',
      field,
      ...(el ? { selectionStart: el.selectionStart, selectionEnd: el.selectionEnd } : {}),
    });
    requestAnimationFrame(() => el?.focus());
  };
  useEffect(() => {
    const el = bodyRef.current;
    if (el && document.activeElement === el) el.setSelectionRange(state.caret, state.caret);
  }, [state.caret]);

  const channelTemplates = (templates.data?.items ?? []).filter((t) => t.channel === state.channel);

  if (state.outsideWindow) {
    const label = queueLabel(state.outsideWindow.nextAllowedAt, (iso) => formatTime(iso));
    return (
      <Stack onKeyDown={onKeyDown}>
        <Alert
          color="yellow"
          icon={<IconClock aria-hidden />}
          title="Outside the texting window"
          role="alert"
        >
          <Text size="sm">This text cannot go now.</Text>
          {state.outsideWindow.reasons.length ? (
            <List size="sm" mt="xs">
              {state.outsideWindow.reasons.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          ) : null}
        </Alert>
        {error ? <SendError error={error} /> : null}
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={() => dispatch({ type: 'backToEdit' })}>
            Back to editing
          </Button>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            leftSection={<IconClock size={16} aria-hidden />}
            loading={send.isPending}
            onClick={() => void submit('queue')}
            data-autofocus
          >
            {label}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit('refuse');
      }}
      onKeyDown={onKeyDown}
    >
      <Stack gap="sm">
        {channels.length > 1 ? (
          <SegmentedControl
            aria-label="Channel"
            value={state.channel}
            onChange={(v) => dispatch({ type: 'channel', channel: v as Channel })}
            data={[
              { value: 'sms', label: 'Text' },
              { value: 'email', label: 'Email' },
            ].filter((c) => channels.includes(c.value as Channel))}
          />
        ) : null}
        <Group grow wrap="wrap" align="flex-end">
          <Select
            label="Template"
            placeholder={channelTemplates.length ? 'Pick a template' : 'No templates'}
            data={channelTemplates.map((t) => ({ value: t.id, label: t.name }))}
            value={state.templateId}
            onChange={(id) =>
              dispatch({ type: 'template', template: channelTemplates.find((t) => t.id === id) ?? null })
            }
            clearable
            searchable
            disabled={!channelTemplates.length}
          />
          {state.channel === 'sms' ? (
            <Select
              label="From"
              data={(numbers.data?.items ?? []).map((n) => ({
                value: n.id,
                label: `${n.label} · ${formatPhone(n.number)}`,
              }))}
              value={fromNumber}
              onChange={setFromNumber}
              placeholder={numbers.data?.items.length === 0 ? 'No account number' : undefined}
              allowDeselect={false}
            />
          ) : null}
        </Group>
        {numbers.data?.items.length === 0 && state.channel === 'sms' ? (
          <Alert color="yellow" role="status">
            The account has no phone number to text from. An administrator adds one in Settings › Messaging.
          </Alert>
        ) : null}
        {state.channel === 'email' ? (
          <TextInput
            label="Subject"
            required
            maxLength={MAX_SUBJECT}
            value={state.subject}
            onChange={(e) => dispatch({ type: 'subject', subject: e.currentTarget.value })}
          />
        ) : null}
        <Textarea
          ref={bodyRef}
          label={state.channel === 'sms' ? 'Text' : 'Message'}
          required
          autosize
          minRows={4}
          maxRows={12}
          value={state.body}
          data-autofocus
          onChange={(e) =>
            dispatch({ type: 'body', body: e.currentTarget.value, caret: e.currentTarget.selectionStart })
          }
          onSelect={(e) => dispatch({ type: 'caret', caret: e.currentTarget.selectionStart })}
          aria-describedby="compose-counter"
          description={
            <Group justify="space-between" component="span" gap="xs">
              <Menu position="bottom-start" withinPortal>
                <Menu.Target>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconBraces size={14} aria-hidden />}
                    aria-label="Insert a merge field"
                  >
                    Insert field
                  </Button>
                </Menu.Target>
                <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
                  {(mergeFields.data?.items ?? []).map((f) => (
                    <Menu.Item key={fieldName(f)} onClick={() => insertField(fieldName(f))}>
                      {`{{${fieldName(f)}}}`}
                    </Menu.Item>
                  ))}
                  {mergeFields.isError ? <Menu.Label>Merge fields could not be loaded.</Menu.Label> : null}
                </Menu.Dropdown>
              </Menu>
            </Group>
          }
        />
        {counter ? (
          <Text
            id="compose-counter"
            size="sm"
            c={counter.tooLong ? 'red' : 'dimmed'}
            aria-live="polite"
            data-testid="segment-counter"
          >
            {counter.summary}
            {counter.nonGsmCharacters.length && !counter.tooLong
              ? ` — ${counter.nonGsmCharacters.slice(0, 5).join(' ')} forces UCS-2`
              : ''}
          </Text>
        ) : (
          <span id="compose-counter" />
        )}
        {state.channel === 'email' && owner ? (
          <Checkbox.Group
            label="Attachments from the record’s files"
            value={state.attachmentFileIds}
            onChange={(ids) => {
              const added = ids.find((x) => !state.attachmentFileIds.includes(x));
              const removed = state.attachmentFileIds.find((x) => !ids.includes(x));
              const id = added ?? removed;
              if (id) dispatch({ type: 'toggleAttachment', fileId: id });
            }}
          >
            <Stack gap={4} mt={4}>
              {(files.data ?? [])
                .filter((f) => f.kind === 'upload')
                .map((f) => (
                  <Checkbox key={f.id} value={f.id} label={f.name} />
                ))}
              {files.data && !files.data.some((f) => f.kind === 'upload') ? (
                <Text size="sm" c="dimmed">
                  The record has no files.
                </Text>
              ) : null}
            </Stack>
          </Checkbox.Group>
        ) : null}
        <PreviewPanel
          preview={current}
          loading={preview.isFetching}
          error={preview.error}
          channel={state.channel}
          formatTime={formatTime}
        />
        {error ? <SendError error={error} /> : null}
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            Ctrl+Enter sends
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              leftSection={<IconSend size={16} aria-hidden />}
              loading={send.isPending}
              disabled={!ready.ok}
              title={ready.ok ? undefined : ready.reason}
            >
              {state.channel === 'sms' ? 'Send text' : 'Send email'}
            </Button>
          </Group>
        </Group>
        {!ready.ok && state.body.trim() ? (
          <Text size="sm" c="dimmed" role="status">
            {ready.reason}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

function SendError({ error }: { error: { message: string; errors: string[] } }) {
  return (
    <Alert color="red" title="Not sent" icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{error.message}</Text>
      {error.errors.length ? (
        <List size="sm" mt={4}>
          {error.errors.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

function PreviewPanel({
  preview,
  loading,
  error,
  channel,
  formatTime,
}: {
  preview: Preview | null;
  loading: boolean;
  error: unknown;
  channel: Channel;
  formatTime: (iso: string | null | undefined) => string;
}) {
  if (error) {
    return (
      <Alert color="gray" role="status" title="No preview">
        {errorMessage(error)}
      </Alert>
    );
  }
  if (!preview)
    return loading ? (
      <Text size="sm" c="dimmed">
        Checking…
      </Text>
    ) : null;
  return (
    <Stack gap={6} aria-label="Preview" role="region">
      {preview.optedOut ? (
        <Alert color="red" role="alert" title="Opted out">
          This person opted out of texts from this number. Nothing will be sent.
        </Alert>
      ) : null}
      {preview.problems.length ? (
        <Alert color="red" role="alert" title="Fix before sending">
          <List size="sm">
            {preview.problems.map((p) => (
              <List.Item key={p.code + p.message}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {channel === 'sms' && !preview.window.allowed ? (
        <Alert
          color="yellow"
          role="status"
          icon={<IconClock aria-hidden />}
          title="Outside the texting window"
        >
          {preview.window.nextAllowedAt
            ? `The window opens at ${formatTime(preview.window.nextAllowedAt)}.`
            : 'The window is closed.'}
          {preview.window.reasons.length ? ` ${preview.window.reasons.join(' ')}` : ''}
        </Alert>
      ) : null}
      <Text size="xs" c="dimmed" fw={600}>
        As it will be sent
        {channel === 'sms'
          ? ` · ${preview.segments.encoding} · ${preview.segments.characters} characters · ${preview.segments.segments} segment${preview.segments.segments === 1 ? '' : 's'}`
          : ''}
      </Text>
      {preview.subject ? (
        <Text size="sm" fw={600}>
          {preview.subject}
        </Text>
      ) : null}
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} bg="var(--mantine-color-gray-0)" p="xs">
        {preview.body}
      </Text>
    </Stack>
  );
}
