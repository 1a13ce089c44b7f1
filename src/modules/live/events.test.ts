import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { salesGroup, signedInUser } from '../../../test/support/users.ts';
import { newId } from '../../lib/ids.ts';
import { type LiveEvent, notifyLive } from './index.ts';

/**
 * GET /events over a real socket: what a committed transaction notifies reaches the streams that
 * may see it, a rolled-back one never does, another account's never does.
 */
let t: TestApp;
let a: TestAccount;
let b: TestAccount;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  b = await t.newAccount();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

type Stream = {
  /** Frames received so far (event name and parsed data). */
  events: { event: string; data: unknown }[];
  raw: () => string;
  waitFor(pred: (e: { event: string; data: unknown }) => boolean, ms?: number): Promise<void>;
  close(): void;
  ended: Promise<void>;
  status: number;
  contentType: string | null;
};

/** A stream over a plain socket (node:http), parsed frame by frame. */
async function open(cookie: string): Promise<Stream> {
  const events: Stream['events'] = [];
  let text = '';
  let buf = '';
  let req!: http.ClientRequest;
  let endedResolve!: () => void;
  const ended = new Promise<void>((r) => (endedResolve = r));
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    req = http.get(`${base}/api/v1/events`, { headers: { cookie, accept: 'text/event-stream' } }, resolve);
    req.on('error', reject);
  });
  res.setEncoding('utf8');
  await new Promise<void>((resolve) => {
    res.on('data', (chunk: string) => {
      text += chunk;
      buf += chunk;
      resolve(); // the first bytes: the stream is listening
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const lines = buf.slice(0, i).split('\n');
        buf = buf.slice(i + 2);
        const ev = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (ev && data !== undefined) events.push({ event: ev, data: JSON.parse(data) });
      }
    });
    res.on('close', endedResolve);
    res.on('error', () => {});
  });
  return {
    events,
    raw: () => text,
    status: res.statusCode!,
    contentType: String(res.headers['content-type']),
    ended,
    close: () => req.destroy(),
    async waitFor(pred, ms = 5_000) {
      const end = Date.now() + ms;
      while (!events.some(pred)) {
        if (Date.now() > end) throw new Error(`no such event; got ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

const event = (accountId: string, records: LiveEvent['records'] = []): LiveEvent => ({
  accountId,
  topic: 'messages',
  kind: 'created',
  messageId: newId(),
  direction: 'inbound',
  records,
});

const commit = (e: LiveEvent) => t.deps.db.transaction((tx) => notifyLive(tx, e));
const rollback = (e: LiveEvent) =>
  t.deps.db
    .transaction(async (tx) => {
      await notifyLive(tx, e);
      throw new Error('roll back');
    })
    .catch(() => undefined);

/** Let any notification in flight arrive (a later committed one proves the earlier did not). */
const fence = async (s: Stream, accountId: string) => {
  const marker = event(accountId);
  await commit(marker);
  await s.waitFor((e) => (e.data as { messageId?: string }).messageId === marker.messageId);
};
const ids = (s: Stream) => s.events.map((e) => (e.data as { messageId?: string }).messageId);

describe('GET /api/v1/events', () => {
  it('streams an event notified in a committed transaction, with the contract’s fields', async () => {
    const s = await open(a.admin.cookie!);
    expect(s.status).toBe(200);
    expect(s.contentType).toMatch(/^text\/event-stream/);
    expect(s.raw()).toContain('retry: 5000');
    const e = event(a.accountId, [{ type: 'agent', id: newId() }]);
    await commit(e);
    await s.waitFor((x) => x.event === 'message');
    expect(s.events[0]).toEqual({
      event: 'message',
      data: { kind: 'created', messageId: e.messageId, direction: 'inbound', records: e.records },
    });
    s.close();
  });

  it('never streams a rolled-back event, nor another account’s', async () => {
    const s = await open(a.admin.cookie!);
    const other = await open(b.admin.cookie!);
    const rolled = event(a.accountId);
    await rollback(rolled);
    const foreign = event(b.accountId);
    await commit(foreign);
    await fence(s, a.accountId);
    await other.waitFor((x) => (x.data as { messageId: string }).messageId === foreign.messageId);
    expect(ids(s)).not.toContain(rolled.messageId);
    expect(ids(s)).not.toContain(foreign.messageId);
    expect(ids(other)).not.toContain(rolled.messageId);
    s.close();
    other.close();
  });

  it('fans one notification out to every stream of the account', async () => {
    const streams = await Promise.all([open(a.admin.cookie!), open(a.admin.cookie!), open(a.admin.cookie!)]);
    const e = event(a.accountId);
    await commit(e);
    for (const s of streams)
      await s.waitFor((x) => (x.data as { messageId: string }).messageId === e.messageId);
    for (const s of streams) s.close();
  });

  it('a user without View All SMS hears only of messages on records whose SMS history they may read', async () => {
    const [leadType] = (await a.admin.get('/api/v1/record-types')).json().items as { id: string }[];
    const group = await salesGroup(a);
    const u = await signedInUser(t, a, {
      group,
      sales: {
        recordAccess: 'assigned',
        recordTypeAccess: { [leadType!.id]: { view: true, add: true, edit: true } },
      },
    });
    const mine = await a.admin.post('/api/v1/sales-records', {
      firstName: 'Mia',
      lastName: 'Mine',
      assignedUserId: u.id,
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const theirs = await a.admin.post('/api/v1/sales-records', { firstName: 'Theo', lastName: 'Theirs' });
    expect(theirs.statusCode, theirs.body).toBe(201);

    const s = await open(u.client.cookie!);
    const admin = await open(a.admin.cookie!);
    const onMine = event(a.accountId, [{ type: 'sales_record', id: mine.json().id }]);
    const onTheirs = event(a.accountId, [{ type: 'sales_record', id: theirs.json().id }]);
    const onBoth = event(a.accountId, [
      { type: 'sales_record', id: theirs.json().id },
      { type: 'sales_record', id: mine.json().id },
    ]);
    const unknownSender = event(a.accountId, []);
    const goneRecord = event(a.accountId, [{ type: 'sales_record', id: newId() }]);
    for (const e of [onTheirs, unknownSender, goneRecord, onMine, onBoth]) await commit(e);
    await s.waitFor((x) => (x.data as { messageId: string }).messageId === onBoth.messageId);
    // The admin (View All SMS, admins always) hears of all five, in commit order.
    await admin.waitFor((x) => (x.data as { messageId: string }).messageId === onBoth.messageId);
    expect(ids(admin)).toEqual([onTheirs, unknownSender, goneRecord, onMine, onBoth].map((e) => e.messageId));
    expect(ids(s)).toEqual([onMine.messageId, onBoth.messageId]);
    s.close();
    admin.close();
  });

  it('refuses a request that does not accept an event stream (400), an API key (403) and no session (401)', async () => {
    const noAccept = await a.admin.get('/api/v1/events');
    expect(noAccept.statusCode).toBe(400);
    expect(noAccept.headers['content-type']).toMatch(/^application\/problem\+json/);
    const key = (await a.admin.post('/api/v1/api-keys', { name: 'Live' })).json().key as string;
    const byKey = await t.app.inject({
      method: 'GET',
      url: '/api/v1/events',
      headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
    });
    expect(byKey.statusCode).toBe(403);
    const anon = await t.anonymous.request({
      method: 'GET',
      url: '/api/v1/events',
      headers: { accept: 'text/event-stream' },
    });
    expect(anon.statusCode).toBe(401);
  });

  it('is in the OpenAPI document as an event stream with an operationId', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/events'].get;
    expect(op.operationId).toBe('getEvents');
    expect(Object.keys(op.responses['200'].content)).toEqual(['text/event-stream']);
  });

  it.runIf(process.env.TEST_ENGINE === 'postgres')(
    'on PostgreSQL, a dropped LISTEN connection is re-opened and the streams told to re-read (resync)',
    async () => {
      const s = await open(a.admin.cookie!);
      const killed = await t.deps.database.executeSql(
        `select pg_terminate_backend(pid) as ok from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and query = 'LISTEN openams_live'`,
      );
      expect(killed.rows).toHaveLength(1);
      await s.waitFor((e) => e.event === 'resync', 10_000);
      const after = event(a.accountId);
      await commit(after);
      await s.waitFor((e) => (e.data as { messageId?: string }).messageId === after.messageId);
      s.close();
    },
  );

  it('ends open streams when the app closes, so shutdown never waits on them', async () => {
    const t2 = await createTestApp();
    const a2 = await t2.newAccount();
    await t2.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t2.app.server.address() as AddressInfo).port;
    const saved = base;
    base = `http://127.0.0.1:${port}`;
    const s = await open(a2.admin.cookie!);
    base = saved;
    const started = Date.now();
    const closing = t2.close();
    await s.ended;
    expect(Date.now() - started).toBeLessThan(2_000);
    await closing;
  });
});
