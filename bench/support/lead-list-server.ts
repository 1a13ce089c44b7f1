/**
 * Benchmark target for bench/lead-list.ts, in its own process. Opens OpenAMS on the lead-list bench
 * database (BENCH_LEADS_DATABASE_URL), generating the 1,000,000 Sales Records first when they are
 * missing or when `--regenerate` is given (bench/support/generate-leads.ts), signs in the big
 * account's admin and its scoped Agent CRM user, then serves on 127.0.0.1 ephemeral ports:
 *
 * - the real app;
 * - a bare Fastify 5 app whose `GET /bare` runs, on its own `pg.Pool` of the same size, the exact
 *   SQL text and parameters the list route sent for the scoped user's first page (captured from the
 *   app's pool while serving one request), and answers its first 50 rows as JSON.
 *
 * With `--with-proposed-fix`, measures a copy of the database with the recommended index and
 * statistics change applied (see PROPOSED_FIX_SQL); the copy is dropped on exit.
 *
 * Prints one JSON line on stdout (ports, cookies, query strings, data facts, EXPLAIN ANALYZE of the
 * captured list/search queries) and runs until SIGTERM/SIGINT.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import {
  databaseSize,
  generateLeads,
  hasAccounts,
  type LeadFixture,
  leadsDatabaseUrl,
  prepareDatabase,
  readFixture,
  type Session,
  signIn,
} from './generate-leads.ts';

export type Scenario = 'list' | 'name' | 'phone' | 'partial';
export type CapturedQuery = { text: string; values: unknown[] };
export type Explained = { plan: string; executionMs: number; planningMs: number };

export type LeadListReady = {
  appPort: number;
  barePort: number;
  sessions: { agent: string; admin: string };
  fixture: LeadFixture;
  generated: boolean;
  /** The database measured: the bench database, or its `_fix` copy with --with-proposed-fix. */
  database: string;
  /** The statements applied to the copy, when measuring with --with-proposed-fix. */
  proposedFix: string[] | null;
  size: { database: string; salesRecords: string };
  /** Rows the scoped agent may see in the big account (all types; Lead only). */
  visible: { agent: number; agentLead: number; admin: number; adminLead: number };
  /** Query strings, relative to /api/v1/sales-records. */
  /** `partials`: part of an email (from its start, no @) and the last 4 or 7 digits of a phone. */
  paths: { list: string; names: string[]; phones: string[]; partials: string[] };
  /** The captured first-page SQL the bare route runs. */
  bareSql: CapturedQuery;
  explain: Record<string, Explained>;
};

const startedAt = new Date().toISOString();
const portOf = (app: FastifyInstance) => (app.server.address() as AddressInfo).port;
const LIST_PATH = '/api/v1/sales-records';
/** Name prefixes searched in turn ("smi" first); phones are picked from visible rows. */
const NAME_PREFIXES = ['smi', 'john', 'gar', 'mil', 'dav', 'ngu', 'pat', 'wil', 'and', 'tho'];
const PHONE_COUNT = 20;

/** Phone formats users type; the API normalises them all to E.164. */
function formatPhone(e164: string, k: number): string {
  const d = e164.slice(2);
  const [a, b, c] = [d.slice(0, 3), d.slice(3, 6), d.slice(6)];
  const formats = [
    `(${a}) ${b}-${c}`,
    `${a}-${b}-${c}`,
    `${a}.${b}.${c}`,
    `+1 ${a} ${b} ${c}`,
    `1${a}${b}${c}`,
  ];
  return formats[k % formats.length]!;
}

/** Run one request through the app and capture the sales_records SELECT it sends to the pool. */
async function captureListSql(app: FastifyInstance, cookie: string, url: string): Promise<CapturedQuery> {
  const captured: CapturedQuery[] = [];
  const proto = pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args as [unknown, unknown];
    const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
    if (text && /^select .* from "sales_records"/s.test(text)) {
      captured.push({ text, values: (Array.isArray(values) ? values : []) as unknown[] });
    }
    return original.apply(this, args);
  };
  try {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}: ${res.body}`);
  } finally {
    proto.query = original;
  }
  if (captured.length !== 1) throw new Error(`expected one sales_records query, captured ${captured.length}`);
  return captured[0]!;
}

async function explain(pool: pg.Pool, q: CapturedQuery): Promise<Explained> {
  // Once to warm the cache, then measured.
  await pool.query(q.text, q.values);
  const r = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.text}`, q.values);
  const lines = r.rows.map((row) => row['QUERY PLAN']);
  const ms = (label: string) =>
    Number(lines.find((l) => l.startsWith(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
  return { plan: lines.join('\n'), executionMs: ms('Execution Time'), planningMs: ms('Planning Time') };
}

/**
 * `--with-proposed-fix`: the backend change this benchmark recommends, applied to a throw-away copy
 * of the bench database (`<name>_fix`, made from it as a template), never to src/ or the original:
 * the two lead-list indexes rebuilt as DESC NULLS FIRST (what `ORDER BY … DESC` means) and
 * multivariate MCV statistics pairing account_id with record_type_id, assigned_agent_id and
 * assigned_user_id (each of those ids belongs to one account, which the planner cannot know).
 */
const PROPOSED_FIX_SQL = [
  'drop index "sales_records_created_idx"',
  `create index "sales_records_created_idx" on "sales_records" using btree
     ("account_id", "created_at" desc nulls first, "id" desc nulls first) where deleted_at is null`,
  'drop index "sales_records_type_idx"',
  `create index "sales_records_type_idx" on "sales_records" using btree
     ("account_id", "record_type_id", "created_at" desc nulls first) where deleted_at is null`,
  `create statistics "sales_records_account_type_stx" (mcv) on "account_id", "record_type_id" from "sales_records"`,
  `create statistics "sales_records_account_agent_stx" (mcv) on "account_id", "assigned_agent_id" from "sales_records"`,
  `create statistics "sales_records_account_user_stx" (mcv) on "account_id", "assigned_user_id" from "sales_records"`,
  'analyze "sales_records"',
];

async function copyWithProposedFix(url: string): Promise<string> {
  const source = new URL(url);
  const name = decodeURIComponent(source.pathname.slice(1));
  const copy = new URL(url);
  copy.pathname = `/${name}_fix`;
  const server = new URL(url);
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}_fix" with (force)`);
    await admin.query(`create database "${name}_fix" template "${name}"`);
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: copy.toString() });
  await client.connect();
  try {
    await client.query(`set maintenance_work_mem = '1GB'`);
    for (const statement of PROPOSED_FIX_SQL) await client.query(statement);
  } finally {
    await client.end();
  }
  return copy.toString();
}

async function main() {
  const regenerate = process.argv.includes('--regenerate');
  const withFix = process.argv.includes('--with-proposed-fix');
  const original = leadsDatabaseUrl();
  await prepareDatabase(original, { drop: regenerate });
  let fixture = regenerate ? null : await readFixture(original);
  if (!fixture && (await hasAccounts(original))) await prepareDatabase(original, { drop: true }); // partial data
  if (!fixture) {
    // Generate on the original database first; the what-if copy is made from it below.
    const cfg = loadConfig({ LOG_LEVEL: 'warn', ...process.env, DATABASE_URL: original, JOBS: 'off' });
    const rt = await openRuntime(cfg, { role: 'server', workers: false });
    const genApp = await buildApp(rt, { logger: false });
    fixture = await generateLeads(rt, genApp, original);
    await genApp.close();
    await rt.shutdown();
  }
  const generated = fixture.generatedAt > startedAt;
  const url = withFix ? await copyWithProposedFix(original) : original;
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, DATABASE_URL: url, JOBS: 'off' });
  const runtime = await openRuntime(config, { role: 'server', workers: false });
  const app = await buildApp(runtime, { logger: false });
  const f = fixture;

  const agent: Session = await signIn(runtime, f.agentUser.login, f.agentUser.password);
  const admin: Session = await signIn(runtime, f.admin.login, f.admin.password);

  const pool = new pg.Pool({ connectionString: url, max: config.databasePoolSize });
  const one = async <T>(text: string, values: unknown[]) => (await pool.query(text, values)).rows[0] as T;
  const scopeSql = `account_id = $1 and deleted_at is null and record_type_id = any($2::uuid[])
    and (assigned_user_id = $3 or assigned_agent_id = any($4::uuid[]))`;
  const scopeArgs = [
    f.accountId,
    [f.recordTypes.lead, f.recordTypes.renewal],
    f.agentUser.id,
    [...f.agentUser.linkedAgentIds, ...f.agentUser.accessibleAgentIds],
  ];
  const counts = await one<Record<string, string>>(
    `select count(*) filter (where ${scopeSql}) as agent,
            count(*) filter (where ${scopeSql} and record_type_id = $5) as agent_lead,
            count(*) filter (where account_id = $1 and deleted_at is null) as admin,
            count(*) filter (where account_id = $1 and deleted_at is null and record_type_id = $5) as admin_lead
     from sales_records where account_id = $1`,
    [...scopeArgs, f.recordTypes.lead],
  );
  // Phones of rows the agent may see, spread over the whole range (not only the newest). Only real
  // numbers (libphonenumber-js: an assigned area code): a search for an invalid one is a text search.
  const phoneCandidates = await pool.query<{ phone: string }>(
    `select phone from (select phone, row_number() over (order by id) as n
       from sales_records where ${scopeSql} and phone is not null) p
     where n % 97 = 0 order by n limit $5`,
    [...scopeArgs, PHONE_COUNT * 10],
  );
  const phones = {
    rows: phoneCandidates.rows.filter((r) => isValidPhoneNumber(r.phone)).slice(0, PHONE_COUNT),
  };
  // Partial searches (issue 12): an email's local part (with and without its digits) and a phone's
  // last 4 or 7 digits, of other rows the agent may see.
  const partialRows = await pool.query<{ phone: string; email: string }>(
    `select phone, email from (select phone, email, row_number() over (order by id) as n
       from sales_records where ${scopeSql} and phone is not null and email is not null) p
     where n % 89 = 0 order by n limit $5`,
    [...scopeArgs, PHONE_COUNT],
  );
  const partials = partialRows.rows.map((r, k) => {
    const local = r.email.split('@')[0]!;
    const digits = r.phone.slice(-7);
    return [local, local.replace(/\d+$/, ''), digits.slice(-4), `${digits.slice(0, 3)}-${digits.slice(3)}`][
      k % 4
    ]!;
  });
  const paths = {
    list: `${LIST_PATH}?recordTypeId=${f.recordTypes.lead}`,
    partials: partials.map((q) => `${LIST_PATH}?q=${encodeURIComponent(q)}`),
    names: NAME_PREFIXES.map((q) => `${LIST_PATH}?q=${encodeURIComponent(q)}`),
    phones: phones.rows.map((r, k) => `${LIST_PATH}?q=${encodeURIComponent(formatPhone(r.phone, k))}`),
  };

  // The exact SQL of each scenario's first request, for the bare route and EXPLAIN ANALYZE.
  const queries: Record<string, CapturedQuery> = {};
  for (const [who, s] of [
    ['agent', agent],
    ['admin', admin],
  ] as const) {
    queries[`${who} list`] = await captureListSql(app, s.cookie, paths.list);
    queries[`${who} name "${NAME_PREFIXES[0]}"`] = await captureListSql(app, s.cookie, paths.names[0]!);
    queries[`${who} phone`] = await captureListSql(app, s.cookie, paths.phones[0]!);
    for (const k of [0, 1, 2, 3])
      queries[`${who} partial "${partials[k]}"`] = await captureListSql(app, s.cookie, paths.partials[k]!);
  }
  const bareSql = queries['agent list']!;
  const explained: Record<string, Explained> = {};
  for (const [k, q] of Object.entries(queries)) explained[k] = await explain(pool, q);

  await app.listen({ host: '127.0.0.1', port: 0 });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => {
    const r = await pool.query(bareSql.text, bareSql.values);
    return { items: r.rows.slice(0, 50) };
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([app.close(), bare.close()]);
    await pool.end();
    await runtime.shutdown();
    if (withFix) {
      const server = new URL(url);
      server.pathname = '/postgres';
      const admin = new pg.Client({ connectionString: server.toString() });
      await admin.connect();
      await admin.query(
        `drop database if exists "${decodeURIComponent(new URL(url).pathname.slice(1))}" with (force)`,
      );
      await admin.end();
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  const ready: LeadListReady = {
    appPort: portOf(app),
    barePort: portOf(bare),
    sessions: { agent: agent.cookie, admin: admin.cookie },
    fixture: f,
    generated,
    database: decodeURIComponent(new URL(url).pathname.slice(1)),
    proposedFix: withFix ? PROPOSED_FIX_SQL : null,
    size: await databaseSize(url),
    visible: {
      agent: Number(counts.agent),
      agentLead: Number(counts.agent_lead),
      admin: Number(counts.admin),
      adminLead: Number(counts.admin_lead),
    },
    paths,
    bareSql,
    explain: explained,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
