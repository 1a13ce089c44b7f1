import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import type { Deps } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { notifyLive } from '../ports.ts';
import { accounts, emails, individuals, salesRecords, users } from '../ports.ts';
import {
  currentProvider,
  messagingConfig,
  ProviderOutcomeUnknownError,
  ProviderRefusedError,
  type SmsProvider,
} from '../providers/index.ts';
import { takeSimulatorFailure } from '../providers/simulator.ts';
import { messageRecords, messages, messageStatusEvents, optOutLedger, type MessageState } from '../schema.ts';
import { loadMessagingSettings, type MessagingSettings } from '../settings/settings.ts';
import { applyDeliveryStatus, UNSUBSCRIBED_ERROR } from './apply-delivery-status.ts';
import { textingWindow } from './compose.ts';
import { optOutStatus } from './opt-out-status.ts';
import { outboundDaily, outboundPace } from './schema.ts';
import { clockNow } from '../clock.ts';

/** What the engine took and committed as `dispatching`: handed to the provider after the commit. */
type Claimed = {
  accountId: string;
  id: string;
  from: string;
  to: string;
  body: string;
  attempts: number;
  direction: 'outbound';
  records: { type: 'sales_record' | 'individual' | 'agent'; id: string }[];
};

export const STATUS_CALLBACK_PATH = '/api/webhooks/twilio/sms/status';
const DAY = 86_400_000;

type MessageRow = Pick<
  typeof messages.$inferSelect,
  'accountId' | 'id' | 'fromAddress' | 'toAddress' | 'body' | 'attempts' | 'userId' | 'phoneNumberId'
>;

/**
 * Take due pending texts (`FOR UPDATE SKIP LOCKED`: any number of engines share the queue), check
 * each again (opt-out, windows, the brand's daily cap, the number's pace) and mark the ones that go
 * `dispatching` — committed before any provider call, so a crash can never send one twice.
 */
async function claimDue(
  tx: DbOrTx,
  opts: { limit: number; onlyId?: { accountId: string; id: string } },
): Promise<Claimed[]> {
  const now = clockNow();
  const due = await tx
    .select({
      accountId: messages.accountId,
      id: messages.id,
      fromAddress: messages.fromAddress,
      toAddress: messages.toAddress,
      body: messages.body,
      attempts: messages.attempts,
      userId: messages.userId,
      phoneNumberId: messages.phoneNumberId,
    })
    .from(messages)
    .where(
      and(
        eq(messages.status, 'pending'),
        lte(messages.sendAfter, now),
        eq(messages.channel, 'sms'),
        opts.onlyId
          ? and(eq(messages.accountId, opts.onlyId.accountId), eq(messages.id, opts.onlyId.id))
          : undefined,
      ),
    )
    .orderBy(messages.sendAfter)
    .limit(opts.limit)
    .for('update', { skipLocked: true });
  if (!due.length) return [];

  const settings = new Map<string, MessagingSettings>();
  const sentToday = new Map<string, number>();
  const dayStart = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const day = dayStart.toISOString().slice(0, 10);
  const before = new Map<string, number>();
  for (const accountId of new Set(due.map((d) => d.accountId))) {
    settings.set(accountId, await loadMessagingSettings(tx, accountId));
    await tx.insert(outboundDaily).values({ accountId, day, dispatched: 0 }).onConflictDoNothing();
    const [c] = await tx
      .select({ n: outboundDaily.dispatched })
      .from(outboundDaily)
      .where(and(eq(outboundDaily.accountId, accountId), eq(outboundDaily.day, day)))
      .for('update');
    sentToday.set(accountId, c?.n ?? 0);
    before.set(accountId, c?.n ?? 0);
  }
  // Lock each number's pace row (created on first use) so engines pace a number together.
  const paces = new Map<string, number>();
  for (const key of new Set(due.map((d) => `${d.accountId}|${d.phoneNumberId}`))) {
    const [accountId, phoneNumberId] = key.split('|') as [string, string];
    await tx
      .insert(outboundPace)
      .values({ accountId, phoneNumberId, nextSlotAt: new Date(0) })
      .onConflictDoNothing();
    const [p] = await tx
      .select({ next: outboundPace.nextSlotAt })
      .from(outboundPace)
      .where(and(eq(outboundPace.accountId, accountId), eq(outboundPace.phoneNumberId, phoneNumberId)))
      .for('update');
    paces.set(key, p!.next.getTime());
  }

  const claimed: Claimed[] = [];
  const waiting = new Map<string, number>();
  // The records of every due text in one query; zones and record facts once per sender / record.
  const links = await tx
    .select({
      accountId: messageRecords.accountId,
      messageId: messageRecords.messageId,
      type: messageRecords.recordType,
      id: messageRecords.recordId,
    })
    .from(messageRecords)
    .where(
      inArray(
        messageRecords.messageId,
        due.map((d) => d.id),
      ),
    );
  const zones = new Map<string, string>();
  const facts = new Map<string, Awaited<ReturnType<typeof recipientFacts>>>();
  for (const m of due) {
    const s = settings.get(m.accountId)!;
    const records = links
      .filter((l) => l.accountId === m.accountId && l.messageId === m.id)
      .map((l) => ({ type: l.type, id: l.id }));
    const end = (status: MessageState, code: string, message: string) =>
      settle(tx, m, records, { status, errorCode: code, errorMessage: message });

    const consent = await optOutStatus(tx, m.accountId, m.toAddress, m.fromAddress);
    if (consent.optedOut) {
      await end(
        'refused',
        'opted_out',
        `Not sent: ${m.toAddress} opted out before it went (ledger entry ${consent.entry!.id}, ${consent.entry!.at.toISOString()}).`,
      );
      continue;
    }
    const zoneKey = `${m.accountId}|${m.userId}`;
    if (!zones.has(zoneKey)) zones.set(zoneKey, await senderZone(tx, m));
    const factKey = `${m.accountId}|${records[0]?.type}|${records[0]?.id}|${m.toAddress}`;
    if (!facts.has(factKey)) facts.set(factKey, await recipientFacts(tx, m, records));
    const window = textingWindow(s, zones.get(zoneKey)!, facts.get(factKey)!, now);
    if (!window.allowed) {
      if (!window.nextAllowedAt) {
        await end(
          'refused',
          'outside_window',
          'Not sent: the texting windows do not open in the next 14 days.',
        );
      } else {
        await reschedule(tx, m, window.nextAllowedAt);
      }
      continue;
    }
    const count = sentToday.get(m.accountId)!;
    if (count >= s.brandDailyCap) {
      await reschedule(tx, m, new Date(dayStart.getTime() + DAY));
      continue;
    }
    const key = `${m.accountId}|${m.phoneNumberId}`;
    const interval = 1000 / s.perNumberPerSecond;
    const slot = Math.max(paces.get(key)!, now.getTime());
    // At most perNumberPerSecond texts in any second: a slot less than a second ahead may go now.
    if (slot > now.getTime() + 1000 - interval) {
      const k = (waiting.get(key) ?? 0) + 1;
      waiting.set(key, k);
      await reschedule(tx, m, new Date(slot + (k - 1) * interval));
      continue;
    }
    paces.set(key, slot + interval);
    sentToday.set(m.accountId, count + 1);
    claimed.push({
      accountId: m.accountId,
      id: m.id,
      from: m.fromAddress,
      to: m.toAddress,
      body: m.body,
      attempts: m.attempts + 1,
      direction: 'outbound',
      records,
    });
  }
  for (const [key, next] of paces) {
    const [accountId, phoneNumberId] = key.split('|') as [string, string];
    await tx
      .update(outboundPace)
      .set({ nextSlotAt: new Date(next) })
      .where(and(eq(outboundPace.accountId, accountId), eq(outboundPace.phoneNumberId, phoneNumberId)));
  }
  for (const [accountId, n] of sentToday)
    if (n !== before.get(accountId))
      await tx
        .update(outboundDaily)
        .set({ dispatched: n })
        .where(and(eq(outboundDaily.accountId, accountId), eq(outboundDaily.day, day)));
  if (claimed.length) {
    for (const accountId of new Set(claimed.map((c) => c.accountId)))
      await tx
        .update(messages)
        .set({ status: 'dispatching', attempts: sql`${messages.attempts} + 1`, statusAt: now, sentAt: now })
        .where(
          and(
            eq(messages.accountId, accountId),
            inArray(
              messages.id,
              claimed.filter((c) => c.accountId === accountId).map((c) => c.id),
            ),
          ),
        );
  }
  return claimed;
}

async function senderZone(tx: DbOrTx, m: MessageRow): Promise<string> {
  if (m.userId) {
    const [u] = await tx
      .select({ tz: users.timeZone })
      .from(users)
      .where(and(eq(users.accountId, m.accountId), eq(users.id, m.userId)));
    if (u) return u.tz;
  }
  const [a] = await tx.select({ tz: accounts.timeZone }).from(accounts).where(eq(accounts.id, m.accountId));
  return a?.tz ?? 'America/New_York';
}

async function recipientFacts(tx: DbOrTx, m: MessageRow, records: Claimed['records']) {
  const r = records[0];
  let zip: string | null = null;
  let state: string | null = null;
  if (r && r.type !== 'agent') {
    const table = r.type === 'sales_record' ? salesRecords : individuals;
    const [row] = await tx
      .select({ zip: table.zip, state: table.state })
      .from(table)
      .where(and(eq(table.accountId, m.accountId), eq(table.id, r.id)));
    zip = row?.zip ?? null;
    state = row?.state ?? null;
  }
  return { zip, state, phone: m.toAddress };
}

async function reschedule(tx: DbOrTx, m: Pick<MessageRow, 'accountId' | 'id'>, at: Date) {
  await tx
    .update(messages)
    .set({ sendAfter: at })
    .where(and(eq(messages.accountId, m.accountId), eq(messages.id, m.id)));
}

async function settle(
  tx: DbOrTx,
  m: Pick<MessageRow, 'accountId' | 'id'>,
  records: Claimed['records'],
  set: {
    status: MessageState;
    errorCode: string | null;
    errorMessage: string | null;
    extra?: Record<string, unknown>;
  },
) {
  await tx
    .update(messages)
    .set({
      status: set.status,
      errorCode: set.errorCode,
      errorMessage: set.errorMessage,
      statusAt: new Date(),
      ...set.extra,
    })
    .where(and(eq(messages.accountId, m.accountId), eq(messages.id, m.id)));
  await notifyLive(tx, {
    accountId: m.accountId,
    topic: 'messages',
    kind: 'updated',
    messageId: m.id,
    direction: 'outbound',
    records,
  });
}

type Outcome = { c: Claimed; result: { providerMessageId: string; status: string } | null; err: unknown };

/** Hand one claimed text to the provider (no database work: the answer is recorded after). */
async function callProvider(deps: Pick<Deps, 'config'>, provider: SmsProvider, c: Claimed): Promise<Outcome> {
  try {
    const result = await provider.sendSms({
      accountId: c.accountId,
      from: c.from,
      to: c.to,
      body: c.body,
      statusCallbackUrl: deps.config.baseUrl + STATUS_CALLBACK_PATH,
    });
    return { c, result, err: null };
  } catch (err) {
    return { c, result: null, err };
  }
}

/**
 * Record a provider's answer. Accepted → `submitted` with the provider's id; refused for good →
 * `failed` (21610 also records the opt-out); an outage → back to `pending` after an exponential
 * backoff, `failed` with the reason after the last attempt. Only a row still `dispatching` moves.
 */
async function recordOutcome(
  tx: DbOrTx,
  provider: SmsProvider,
  { c, result, err }: Outcome,
): Promise<boolean> {
  const config = messagingConfig();
  if (result) {
    const updated = await tx
      .update(messages)
      .set({
        status: 'submitted',
        provider: provider.name,
        providerMessageId: result.providerMessageId,
        deliveryStatus: result.status as never,
        statusAt: new Date(),
        errorCode: null,
        errorMessage: null,
      })
      .where(
        and(eq(messages.accountId, c.accountId), eq(messages.id, c.id), eq(messages.status, 'dispatching')),
      )
      .returning({ id: messages.id });
    if (!updated.length) return false;
    await tx
      .insert(messageStatusEvents)
      .values({ accountId: c.accountId, id: newId(), messageId: c.id, status: result.status, raw: {} })
      .onConflictDoNothing();
    await notifyLive(tx, {
      accountId: c.accountId,
      topic: 'messages',
      kind: 'updated',
      messageId: c.id,
      direction: 'outbound',
      records: c.records,
    });
    return true;
  }
  if (err instanceof ProviderRefusedError) {
    await settleDispatching(tx, c, {
      status: 'failed',
      errorCode: err.errorCode,
      errorMessage: `The provider refused the text: ${err.message}`,
    });
    if (err.errorCode === UNSUBSCRIBED_ERROR)
      await tx.insert(optOutLedger).values({
        accountId: c.accountId,
        id: newId(),
        phone: c.to,
        accountNumber: c.from,
        action: 'opt_out',
        source: 'provider',
        messageId: c.id,
        body: `Provider error ${UNSUBSCRIBED_ERROR}: the recipient unsubscribed from this number.`,
      });
    return false;
  }
  if (err instanceof ProviderOutcomeUnknownError) {
    await settleDispatching(tx, c, {
      status: 'outcome_unknown',
      errorCode: err.errorCode,
      errorMessage: `${err.message} It was not sent again: check with the recipient before resending.`.slice(
        0,
        1000,
      ),
    });
    return false;
  }
  const reason = err instanceof Error ? err.message : String(err);
  const code = (err as { errorCode?: string | null }).errorCode ?? 'provider_unavailable';
  if (c.attempts >= config.maxAttempts) {
    await settleDispatching(tx, c, {
      status: 'failed',
      errorCode: code,
      errorMessage: `Not sent after ${c.attempts} attempts: the provider was unavailable (${reason}).`.slice(
        0,
        1000,
      ),
    });
  } else {
    const delay = config.retryBaseMs * 2 ** (c.attempts - 1);
    await settleDispatching(tx, c, {
      status: 'pending',
      errorCode: code,
      errorMessage: `Attempt ${c.attempts} failed (${reason}); trying again.`.slice(0, 1000),
      extra: { sendAfter: new Date(clockNow().getTime() + delay) },
    });
  }
  return false;
}

async function deliver(
  deps: Pick<Deps, 'db' | 'config'>,
  provider: SmsProvider,
  c: Claimed,
): Promise<boolean> {
  const outcome = await callProvider(deps, provider, c);
  return deps.db.transaction((tx) => recordOutcome(tx, provider, outcome));
}

async function settleDispatching(
  tx: DbOrTx,
  c: Claimed,
  set: {
    status: MessageState;
    errorCode: string | null;
    errorMessage: string | null;
    extra?: Record<string, unknown>;
  },
) {
  const updated = await tx
    .update(messages)
    .set({
      status: set.status,
      errorCode: set.errorCode,
      errorMessage: set.errorMessage,
      statusAt: new Date(),
      ...set.extra,
    })
    .where(
      and(eq(messages.accountId, c.accountId), eq(messages.id, c.id), eq(messages.status, 'dispatching')),
    )
    .returning({ id: messages.id });
  if (updated.length)
    await notifyLive(tx, {
      accountId: c.accountId,
      topic: 'messages',
      kind: 'updated',
      messageId: c.id,
      direction: 'outbound',
      records: c.records,
    });
}

async function runConcurrently<T>(items: T[], limit: number, fn: (t: T) => Promise<unknown>) {
  let i = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (i < items.length) await fn(items[i++]!);
  });
  await Promise.all(workers);
}

/**
 * Texts claimed (and committed `dispatching`) per pass, all handed to the provider at once: a crash
 * leaves at most this many `outcome_unknown`, so it stays small.
 */
const BATCH = 20;
/** Passes the engine loop runs side by side. */
const LANES = 3;

export type DrainOptions = { batchSize?: number; concurrency?: number; provider?: SmsProvider };

/** One pass: claim up to a batch of due texts and send them. Returns how many were claimed. */
export async function drainOnce(deps: Pick<Deps, 'db' | 'config'>, opts: DrainOptions = {}): Promise<number> {
  const claimed = await deps.db.transaction((tx) => claimDue(tx, { limit: opts.batchSize ?? BATCH }));
  const provider = opts.provider ?? currentProvider();
  const outcomes: Outcome[] = [];
  await runConcurrently(claimed, opts.concurrency ?? BATCH, async (c) =>
    outcomes.push(await callProvider(deps, provider, c)),
  );
  // Every answer of the batch in one transaction (one commit); a crash before it leaves the batch
  // `dispatching`, which the recovery turns into `outcome_unknown` — never resent.
  if (outcomes.length)
    await deps.db.transaction(async (tx) => {
      for (const o of outcomes) await recordOutcome(tx, provider, o);
    });
  return claimed.length;
}

/**
 * Drain until nothing is due (tests, and the engine loop): `lanes` passes run side by side, each
 * claiming its own rows (SKIP LOCKED), so one batch's provider calls overlap another's database work.
 */
export async function drainAll(
  deps: Pick<Deps, 'db' | 'config'>,
  opts: DrainOptions & { lanes?: number } = {},
): Promise<number> {
  let total = 0;
  const lane = async () => {
    for (;;) {
      const n = await drainOnce(deps, opts);
      total += n;
      if (n < (opts.batchSize ?? BATCH)) return;
    }
  };
  await Promise.all(Array.from({ length: opts.lanes ?? 1 }, lane));
  return total;
}

/**
 * Send one just-accepted text now (within the request), if it is due and the pace allows; waits
 * at most `timeoutMs` for the provider. True when it was submitted in that time.
 */
export async function dispatchNow(
  deps: Pick<Deps, 'db' | 'config'>,
  accountId: string,
  id: string,
  timeoutMs: number,
): Promise<boolean> {
  const claimed = await deps.db.transaction((tx) => claimDue(tx, { limit: 1, onlyId: { accountId, id } }));
  const c = claimed[0];
  if (!c) return false;
  const sending = deliver(deps, currentProvider(), c).catch((err: unknown) => {
    (deps as Partial<Deps>).log?.error({ err, messageId: id }, 'immediate dispatch failed');
    return false;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const ok = await Promise.race([sending, timeout]);
  clearTimeout(timer);
  return ok;
}

/**
 * Texts left `dispatching` (their process died between the commit and the provider's answer):
 * the provider may or may not have them, so they become `outcome_unknown` for a person to check —
 * never sent again automatically. `olderThanMs` 0: every one (the embedded database at start, when
 * no other process can be sending).
 */
export async function recoverDispatching(deps: Pick<Deps, 'db'>, olderThanMs: number): Promise<number> {
  const rows = await deps.db
    .update(messages)
    .set({
      status: 'outcome_unknown',
      statusAt: new Date(),
      errorCode: 'outcome_unknown',
      errorMessage:
        'Interrupted while being handed to the provider: it may or may not have been sent, so it was not sent again. Check with the recipient before resending.',
    })
    .where(
      and(
        eq(messages.status, 'dispatching'),
        olderThanMs > 0 ? lte(messages.statusAt, new Date(clockNow().getTime() - olderThanMs)) : undefined,
      ),
    )
    .returning({ accountId: messages.accountId, id: messages.id });
  for (const r of rows)
    await deps.db.transaction(async (tx) => {
      const records = await tx
        .select({ type: messageRecords.recordType, id: messageRecords.recordId })
        .from(messageRecords)
        .where(and(eq(messageRecords.accountId, r.accountId), eq(messageRecords.messageId, r.id)));
      await notifyLive(tx, {
        accountId: r.accountId,
        topic: 'messages',
        kind: 'updated',
        messageId: r.id,
        direction: 'outbound',
        records,
      });
    });
  return rows.length;
}

/**
 * The simulator's delivery: each submitted simulator text moves one step per tick, queued → sent →
 * delivered (or undelivered, error 30003, when its fake phone was flagged), through the same
 * `applyDeliveryStatus` as Twilio's callbacks.
 */
export async function advanceSimulator(deps: Pick<Deps, 'db'>, limit = 200): Promise<number> {
  const rows = await deps.db
    .select({
      accountId: messages.accountId,
      providerMessageId: messages.providerMessageId,
      deliveryStatus: messages.deliveryStatus,
      to: messages.toAddress,
    })
    .from(messages)
    .where(
      and(
        eq(messages.provider, 'simulator'),
        eq(messages.status, 'submitted'),
        eq(messages.direction, 'outbound'),
        or(
          isNull(messages.deliveryStatus),
          inArray(messages.deliveryStatus, ['accepted', 'queued', 'sending', 'sent']),
        ),
      ),
    )
    .limit(limit);
  for (const r of rows) {
    if (!r.providerMessageId) continue;
    if (r.deliveryStatus === 'sent') {
      const fail = await takeSimulatorFailure(deps.db, r.accountId, r.to);
      await applyDeliveryStatus(deps.db as never, {
        provider: 'simulator',
        providerMessageId: r.providerMessageId,
        status: fail ? 'undelivered' : 'delivered',
        errorCode: fail ? '30003' : null,
        raw: { simulated: 'true' },
      });
    } else {
      await applyDeliveryStatus(deps.db as never, {
        provider: 'simulator',
        providerMessageId: r.providerMessageId,
        status: 'sent',
        raw: { simulated: 'true' },
      });
    }
  }
  return rows.length;
}

/**
 * An email's SMTP outcome onto its message: sent → deliveryStatus `sent`; refused by the SMTP
 * server (the email module gave up) → `failed` with its error, the bounce the timeline shows.
 */
export async function syncEmailOutcomes(deps: Pick<Deps, 'db'>, limit = 200): Promise<number> {
  const rows = await deps.db
    .select({
      accountId: messages.accountId,
      id: messages.id,
      emailStatus: emails.status,
      lastError: emails.lastError,
    })
    .from(messages)
    .innerJoin(emails, and(eq(emails.accountId, messages.accountId), eq(emails.id, messages.emailId)))
    .where(
      and(
        eq(messages.channel, 'email'),
        eq(messages.status, 'submitted'),
        isNull(messages.deliveryStatus),
        inArray(emails.status, ['sent', 'failed', 'outbox']),
      ),
    )
    .limit(limit);
  for (const r of rows)
    await deps.db.transaction(async (tx) => {
      const records = await tx
        .select({ type: messageRecords.recordType, id: messageRecords.recordId })
        .from(messageRecords)
        .where(and(eq(messageRecords.accountId, r.accountId), eq(messageRecords.messageId, r.id)));
      const failed = r.emailStatus === 'failed';
      await settle(tx, r, records, {
        status: failed ? 'failed' : 'submitted',
        errorCode: failed ? 'smtp_refused' : null,
        errorMessage: failed ? `The mail server refused it: ${r.lastError ?? 'no reason given'}` : null,
        extra: { deliveryStatus: failed ? 'failed' : 'sent' },
      });
    });
  return rows.length;
}

export type Engine = { stop(): Promise<void> };

/**
 * The outbound engine of one process: a loop (not a pg-boss job: pacing needs sub-second ticks)
 * that drains due texts, advances the simulator and settles emails; recovery runs at start and
 * every few seconds. Any number of processes may run it (decision 053).
 */
export function startOutboundEngine(
  deps: Pick<Deps, 'db' | 'config' | 'log'>,
  opts: { exclusive: boolean; tickMs?: number },
): Engine {
  const config = messagingConfig();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastRecovery = 0;
  let first = true;
  const tick = async () => {
    if (Date.now() - lastRecovery > 5000) {
      lastRecovery = Date.now();
      await recoverDispatching(deps, first && opts.exclusive ? 0 : config.dispatchTimeoutMs);
      first = false;
    }
    await drainAll(deps, { lanes: LANES });
    await advanceSimulator(deps);
    await syncEmailOutcomes(deps);
  };
  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((err: unknown) => deps.log.error({ err }, 'outbound engine tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, opts.tickMs ?? 250);
      });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
