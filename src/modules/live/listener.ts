import pg from 'pg';
import type { Database } from '../../db/client.ts';
import { LIVE_CHANNEL } from './notify.ts';

/**
 * The process's one LISTEN on `openams_live`. PGlite: its own `listen()` (one engine per process,
 * notifications on commit). PostgreSQL: a dedicated `pg` client outside the pool (a pooled client
 * would lose its LISTEN when released), reconnected with backoff when the connection drops;
 * `onReconnect` tells the caller that events may have been missed meanwhile.
 */
export type LiveListener = { ready: Promise<void>; close(): Promise<void> };

export type ListenerHandlers = {
  onPayload(payload: string): void;
  onReconnect(): void;
  onError(error: unknown): void;
};

export function startListener(database: Database, h: ListenerHandlers): LiveListener {
  if (database.kind === 'pglite') {
    const pglite = database.pglite;
    if (!pglite) throw new Error('PGlite database without its engine');
    let unlisten: (() => Promise<void>) | null = null;
    let closed = false;
    const ready = pglite.listen(LIVE_CHANNEL, h.onPayload).then((u) => {
      unlisten = u;
      if (closed) return u();
    });
    return {
      ready,
      async close() {
        closed = true;
        await ready.catch(() => {});
        if (unlisten && !pglite.closed) await unlisten().catch(() => {});
      },
    };
  }
  return postgresListener(database.connectionString!, h);
}

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 15_000;

function postgresListener(connectionString: string, h: ListenerHandlers): LiveListener {
  let closed = false;
  let client: pg.Client | null = null;
  let backoff = MIN_BACKOFF_MS;
  let retryTimer: NodeJS.Timeout | null = null;
  let connectedOnce = false;
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, backoff);
    retryTimer.unref();
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString, keepAlive: true });
    client = c;
    let dropped = false;
    const drop = (error?: unknown) => {
      if (dropped) return;
      dropped = true;
      if (error) h.onError(error);
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      if (client === c) client = null;
      scheduleReconnect();
    };
    c.on('error', drop);
    c.on('end', () => drop());
    c.on('notification', (m) => {
      if (m.channel === LIVE_CHANNEL && m.payload) h.onPayload(m.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (e) {
      drop(e);
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    backoff = MIN_BACKOFF_MS;
    if (connectedOnce) h.onReconnect();
    connectedOnce = true;
    resolveReady();
  };
  void connect();

  return {
    ready,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      resolveReady();
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
