import type { Database } from '../../db/client.ts';
import { startListener, type LiveListener } from './listener.ts';
import type { LiveEvent } from './notify.ts';
import type { AccessProfile } from './ports.ts';
import { loadRecordFacts, mayReceive, needsRecordFacts, type RecordFacts } from './visibility.ts';

/** What a stream is sent: a message event (ids only), or "you may have missed events, re-read". */
export type StreamEvent =
  | { type: 'message'; data: Pick<LiveEvent, 'kind' | 'messageId' | 'direction' | 'records'> }
  | { type: 'resync' };

export type Subscriber = {
  accountId: string;
  profile: AccessProfile;
  send(event: StreamEvent): void;
  /** The process is shutting down: end the stream. */
  end(): void;
};

type Log = { warn(obj: unknown, msg?: string): void };

const isLiveEvent = (v: unknown): v is LiveEvent =>
  typeof v === 'object' &&
  v !== null &&
  (v as LiveEvent).topic === 'messages' &&
  typeof (v as LiveEvent).accountId === 'string' &&
  typeof (v as LiveEvent).messageId === 'string' &&
  Array.isArray((v as LiveEvent).records);

/**
 * One per process: the LISTEN connection (started with the first stream) and the open streams it
 * fans out to, grouped by account. An event's records are looked up once, however many streams
 * want them; each stream's permission check is then pure.
 */
export class LiveHub {
  private readonly byAccount = new Map<string, Set<Subscriber>>();
  private listener: LiveListener | null = null;
  private closed = false;
  /** Notifications are handled one after the other, so streams get them in commit order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly log: Log,
  ) {}

  get size(): number {
    let n = 0;
    for (const s of this.byAccount.values()) n += s.size;
    return n;
  }

  /** Add a stream; resolves once the process is listening (so nothing committed after is missed). */
  async subscribe(sub: Subscriber, readyTimeoutMs = 5_000): Promise<() => void> {
    if (this.closed) throw new Error('live hub closed');
    let set = this.byAccount.get(sub.accountId);
    if (!set) this.byAccount.set(sub.accountId, (set = new Set()));
    set.add(sub);
    this.listener ??= startListener(this.database, {
      onPayload: (p) => {
        this.queue = this.queue.then(() => this.dispatch(p));
      },
      onReconnect: () => this.broadcast({ type: 'resync' }),
      onError: (error) => this.log.warn({ err: error }, 'live events: LISTEN connection lost, reconnecting'),
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.listener.ready,
      new Promise<void>((r) => {
        timer = setTimeout(r, readyTimeoutMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    return () => {
      set.delete(sub);
      if (set.size === 0 && this.byAccount.get(sub.accountId) === set) this.byAccount.delete(sub.accountId);
    };
  }

  private broadcast(event: StreamEvent) {
    for (const set of this.byAccount.values()) for (const s of set) s.send(event);
  }

  /** One notification: parse, find the account's streams, check each, send. */
  async dispatch(payload: string): Promise<void> {
    let event: unknown;
    try {
      event = JSON.parse(payload);
    } catch {
      return;
    }
    if (!isLiveEvent(event)) return;
    const set = this.byAccount.get(event.accountId);
    if (!set?.size) return;
    const subs = [...set];
    let facts: RecordFacts | null = null;
    if (event.records.length && subs.some((s) => needsRecordFacts(s.profile))) {
      try {
        facts = await loadRecordFacts(this.database.db, event);
      } catch (error) {
        this.log.warn({ err: error }, 'live events: could not check record access');
      }
    }
    const data = {
      kind: event.kind,
      messageId: event.messageId,
      direction: event.direction,
      records: event.records.map((r) => ({ type: r.type, id: r.id })),
    };
    for (const s of subs) {
      if (mayReceive(s.profile, s.accountId, event, facts)) s.send({ type: 'message', data });
    }
  }

  /** Shut down: end every stream (so the HTTP server can close), then stop listening. */
  async close(): Promise<void> {
    this.closed = true;
    for (const set of this.byAccount.values()) for (const s of set) s.end();
    this.byAccount.clear();
    const l = this.listener;
    this.listener = null;
    if (l) await l.close();
  }

  /** End the open streams now (before the HTTP server waits for its connections). */
  endStreams(): void {
    for (const set of this.byAccount.values()) for (const s of set) s.end();
  }
}
