import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceMobile, IconHandStop, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { formatPhone, useDateTimeFormat } from '../../../lib/format';
import { errorMessage, isApiError } from '../../../lib/problem';
import { messagingApi } from '../api/client';
import { messagingKeys, usePhoneNumbers } from '../api/queries';

/** Fake beneficiary numbers (555 numbers are fictional); any E.164 number may be typed. */
const PRESETS = ['+12025550143', '+13055550187', '+16125550199'];
const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * The simulator's beneficiary phone: a tester picks a fake number, sees the texts the account sent
 * it (live, and polled every 2 s), replies, sends STOP, or makes the next delivery fail. Only while
 * the simulator is the messaging provider — the server answers 404 otherwise.
 */
export function BeneficiaryPhonePage() {
  const queryClient = useQueryClient();
  const formatTime = useDateTimeFormat();
  const [phone, setPhone] = useState(PRESETS[0]!);
  const [accountNumber, setAccountNumber] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const numbers = usePhoneNumbers();
  const valid = E164.test(phone);
  const to = accountNumber ?? numbers.data?.items[0]?.number ?? null;

  const texts = useQuery({
    queryKey: messagingKeys.simulator(phone),
    queryFn: () => messagingApi.simulatorPhone(phone),
    enabled: valid,
    refetchInterval: 2_000,
    retry: false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: messagingKeys.simulator(phone) });
  const send = useMutation({
    mutationFn: (body: string) => messagingApi.simulatorSend({ from: phone, to: to!, body }),
    onSuccess: () => {
      setReply('');
      return refresh();
    },
  });
  const failNext = useMutation({
    mutationFn: () => messagingApi.simulatorFailNext(phone, 1),
    onSuccess: () =>
      notifications.show({
        title: 'Next delivery will fail',
        message: `The next text to ${formatPhone(phone)} fails.`,
      }),
  });
  const notSimulator = isApiError(texts.error) && texts.error.status === 404;
  const items = [...(texts.data?.items ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  return (
    <Page
      title="Beneficiary phone"
      description="A pretend phone for trying texting without a provider account."
    >
      <Alert color="yellow" icon={<IconDeviceMobile aria-hidden />} title="Simulator only" role="note">
        This page works only while the built-in simulator is the messaging provider
        (MESSAGING_PROVIDER=simulator). Nothing here reaches a real phone.
      </Alert>
      {notSimulator ? (
        <Alert color="red" role="alert" title="The simulator is off">
          This installation sends texts through a real provider, so there is no simulated phone.
        </Alert>
      ) : null}
      <Group grow wrap="wrap" align="flex-end">
        <Select
          label="Fake number"
          data={PRESETS.map((p) => ({ value: p, label: formatPhone(p) }))}
          value={PRESETS.includes(phone) ? phone : null}
          onChange={(v) => v && setPhone(v)}
          placeholder="Pick or type below"
        />
        <TextInput
          label="Or type a number (E.164)"
          value={phone}
          maxLength={16}
          onChange={(e) => setPhone(e.currentTarget.value.trim())}
          error={valid ? undefined : 'Use +1 and ten digits, e.g. +12025550143.'}
        />
        <Select
          label="Texting the account number"
          data={(numbers.data?.items ?? []).map((n) => ({
            value: n.number,
            label: `${n.label} · ${formatPhone(n.number)}`,
          }))}
          value={to}
          onChange={setAccountNumber}
          placeholder={numbers.data?.items.length === 0 ? 'The account has no number' : undefined}
          allowDeselect={false}
        />
      </Group>
      <Paper withBorder p="md" radius="lg" maw={480} w="100%">
        <Stack gap="xs" role="log" aria-label={`Texts on ${formatPhone(phone)}`} aria-live="polite" mih={200}>
          {texts.isError && !notSimulator ? <QueryError error={texts.error} /> : null}
          {items.length === 0 && !texts.isError ? (
            <Text c="dimmed" size="sm">
              No texts yet.
            </Text>
          ) : null}
          {items.map((m) => {
            const mine = m.direction === 'inbound'; // sent by this phone to the account
            return (
              <Paper
                key={m.id}
                p="xs"
                radius="md"
                bg={mine ? 'var(--mantine-color-blue-9)' : 'var(--mantine-color-gray-1)'}
                c={mine ? 'white' : undefined}
                ml={mine ? 'auto' : 0}
                maw="85%"
                data-testid={mine ? 'phone-sent' : 'phone-received'}
              >
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.body}
                </Text>
                <Text size="xs">
                  {formatTime(m.createdAt)}
                  {!mine && m.deliveryStatus ? ` · ${m.deliveryStatus}` : ''}
                </Text>
              </Paper>
            );
          })}
        </Stack>
      </Paper>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reply.trim() && to && valid) send.mutate(reply);
        }}
      >
        <Stack gap="xs" maw={480}>
          <Textarea
            label="Reply"
            value={reply}
            maxLength={1600}
            autosize
            minRows={2}
            onChange={(e) => setReply(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && reply.trim() && to && valid) {
                e.preventDefault();
                send.mutate(reply);
              }
            }}
          />
          <Group gap="sm" wrap="wrap">
            <Button
              type="submit"
              leftSection={<IconSend size={16} aria-hidden />}
              loading={send.isPending}
              disabled={!reply.trim() || !to || !valid}
            >
              Send reply
            </Button>
            <Button
              variant="default"
              color="red"
              leftSection={<IconHandStop size={16} aria-hidden />}
              disabled={!to || !valid}
              onClick={() => send.mutate('STOP')}
            >
              Send STOP
            </Button>
            <Button
              variant="default"
              leftSection={<IconAlertTriangle size={16} aria-hidden />}
              disabled={!valid}
              loading={failNext.isPending}
              onClick={() => failNext.mutate()}
            >
              Make the next delivery fail
            </Button>
          </Group>
          {send.error || failNext.error ? (
            <Text c="red" size="sm" role="alert">
              {errorMessage(send.error ?? failNext.error)}
            </Text>
          ) : null}
        </Stack>
      </form>
    </Page>
  );
}
