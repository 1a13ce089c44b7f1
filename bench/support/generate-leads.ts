/**
 * Data for bench/lead-list.ts (issue 4): 1,000,000 Sales Records across 1,000 accounts, one of
 * which (the "big" account) holds 100,000 of them, on a dedicated PostgreSQL database
 * (BENCH_LEADS_DATABASE_URL, default `openams_bench_leads`). Generated once and reused: a marker
 * row in `bench.lead_list` says the data is complete; `--regenerate` drops the database first.
 *
 * - The big account is made by `createAccount` (its admin signs in), and its security group,
 *   40 Agent Records and 5 users through the HTTP API (`app.inject`), as an admin would.
 * - The 999 small accounts, their record types/statuses (the same defaults `createAccount` seeds)
 *   and 3 Agent Records each are inserted with SQL, without users or audit events.
 * - The rows come from one `INSERT … SELECT … FROM generate_series`, ordered by `created_at`, so
 *   accounts are interleaved in the heap as in a live multi-tenant database (the big account's rows
 *   are spread over every page, not packed together). Values are deterministic per row (hash of the
 *   row number), only ids and `now()` differ between generations. The secondary indexes are dropped
 *   for the load and rebuilt from their own definitions, FK triggers are skipped
 *   (session_replication_role = replica; the rows reference only ids read from the database),
 *   then VACUUM ANALYZE.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createAccount } from '../../src/modules/onboarding/index.ts';
import { login } from '../../src/modules/auth/login.ts';
import { DEFAULT_RECORD_TYPES } from '../../src/modules/record-types/record-types.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.ts';
import type { Runtime } from '../../src/server/runtime.ts';

export const DEFAULT_LEADS_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/openams_bench_leads';
export const leadsDatabaseUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  env.BENCH_LEADS_DATABASE_URL || DEFAULT_LEADS_DATABASE_URL;

/** Bump when the shape of the data changes: an older marker then triggers a regeneration. */
const DATA_VERSION = 1;
const SMALL_ACCOUNTS = 999;
/**
 * 1,000,000 rows, one account with a tenth of them. BENCH_LEADS_TOTAL_ROWS=100000 makes a smaller
 * database (same proportions) for a quick before/after comparison; use its own BENCH_LEADS_DATABASE_URL.
 */
const TOTAL_ROWS = Number(process.env.BENCH_LEADS_TOTAL_ROWS || 1_000_000);
const BIG_ROWS = Math.round(TOTAL_ROWS / 10);
const BIG_AGENTS = 40;
const SMALL_AGENTS = 3;
/** Share of rows assigned to an Agent Record / to a user. */
const BIG_AGENT_SHARE = 0.6;
const SMALL_AGENT_SHARE = 0.5;
const USER_SHARE = 0.3;
const PASSWORD = 'bench-leads-password-1';

export type LeadFixture = {
  version: number;
  accountId: string;
  recordTypes: { lead: string; renewal: string; archive: string };
  /** The Lead type's first status ("New"). */
  leadNewStatusId: string;
  admin: { id: string; login: string; password: string };
  /** Agent CRM user: View on Lead and Renewal only, 1 Linked + 4 Accessible Agents of 40. */
  agentUser: {
    id: string;
    login: string;
    password: string;
    linkedAgentIds: string[];
    accessibleAgentIds: string[];
  };
  generatedAt: string;
  seconds: Record<string, number>;
  rows: number;
};

export type Session = { cookie: string; csrfToken: string };

const dbName = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function assertDedicated(url: string) {
  const name = dbName(url);
  if (!name || name === 'postgres' || name.startsWith('template')) {
    throw new Error(`Refusing to use database "${name}": point BENCH_LEADS_DATABASE_URL at a dedicated one.`);
  }
}

async function withServerDb<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Create the bench database when missing; with `drop`, drop it first. */
export async function prepareDatabase(url: string, opts: { drop: boolean }): Promise<void> {
  assertDedicated(url);
  const name = dbName(url);
  await withServerDb(url, async (c) => {
    if (opts.drop) await c.query(`drop database if exists ${ident(name)} with (force)`);
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await c.query(`create database ${ident(name)}`);
  });
}

/** The marker of complete data of the current version, or null. */
export async function readFixture(url: string): Promise<LeadFixture | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ fixture: LeadFixture }>(
      `select fixture from bench.lead_list where to_regclass('bench.lead_list') is not null`,
    );
    const f = rows[0]?.fixture;
    return f && f.version === DATA_VERSION ? f : null;
  } catch {
    return null; // no bench schema yet
  } finally {
    await client.end();
  }
}

/** Does the database hold any account (a partial earlier generation)? */
export async function hasAccounts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select 1 from accounts limit 1`);
    return rows.length > 0;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

export async function databaseSize(url: string): Promise<{ database: string; salesRecords: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ database: string; sales_records: string }>(
      `select pg_size_pretty(pg_database_size(current_database())) as database,
              pg_size_pretty(pg_total_relation_size('sales_records')) as sales_records`,
    );
    return { database: rows[0]!.database, salesRecords: rows[0]!.sales_records };
  } finally {
    await client.end();
  }
}

/** Sign in through the use case: a session cookie and its CSRF token. */
export async function signIn(runtime: Runtime, loginName: string, password: string): Promise<Session> {
  const r = await login(runtime, { login: loginName, password, ctx: {} });
  return { cookie: `${SESSION_COOKIE}=${r.token}`, csrfToken: r.csrfToken };
}

async function api<T>(
  app: FastifyInstance,
  session: Session,
  method: 'POST' | 'PATCH',
  url: string,
  payload: unknown,
): Promise<T> {
  const res = await app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body}`);
  return (res.body ? res.json() : null) as T;
}

// Common US first and last names (last names roughly by frequency), streets, places, sources.
const FIRST_NAMES = (
  'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara ' +
  'Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy ' +
  'Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew ' +
  'Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy ' +
  'Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob ' +
  'Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela ' +
  'Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory ' +
  'Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis ' +
  'Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry ' +
  'Virginia Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina'
).split(' ');
const LAST_NAMES = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez ' +
  'Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White ' +
  'Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres ' +
  'Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts ' +
  'Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales ' +
  'Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos ' +
  'Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes ' +
  'Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry ' +
  'Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons ' +
  'Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West ' +
  'Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro ' +
  'Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry ' +
  'Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez ' +
  'Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd ' +
  'Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols ' +
  'Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Smithson'
).split(' ');
const STREETS = (
  'Main St|Oak Ave|Maple Dr|Cedar Ln|Pine St|Elm St|Washington Ave|Lake Rd|Hill St|Park Ave|' +
  'Sunset Blvd|River Rd|Church St|Highland Ave|Meadow Ln'
).split('|');
/** city|state|zip prefix */
const PLACES = (
  'Tampa|FL|336;Orlando|FL|328;Miami|FL|331;Jacksonville|FL|322;Phoenix|AZ|850;Tucson|AZ|857;' +
  'Dallas|TX|752;Houston|TX|770;San Antonio|TX|782;Austin|TX|787;Atlanta|GA|303;' +
  'Charlotte|NC|282;Raleigh|NC|276;Columbus|OH|432;Cleveland|OH|441;Detroit|MI|482;' +
  'Chicago|IL|606;Indianapolis|IN|462;Nashville|TN|372;Louisville|KY|402;Las Vegas|NV|891;' +
  'Denver|CO|802;Philadelphia|PA|191;Pittsburgh|PA|152'
).split(';');
const LEAD_SOURCES = 'Website|Referral|Facebook|Google Ads|Direct mail|Seminar|Call-in|Lead vendor'.split(
  '|',
);
const CARRIERS = 'Humana|Aetna|UnitedHealthcare|Cigna|Mutual of Omaha|Wellcare|Anthem'.split('|');
const COVERAGE_TYPES = 'Medicare Advantage|Medicare Supplement|PDP|ACA|Life'.split('|');
const EMAIL_DOMAINS = 'gmail.com yahoo.com aol.com hotmail.com outlook.com comcast.net'.split(' ');
const TEMPERATURES = ['hot', 'warm', 'cool', 'cold'];

/** Big-account users beside the admin: they only receive assignments (agency users, no login). */
const EXTRA_USERS = ['Olivia Benton', 'Marcus Reed', 'Priya Shah', 'Tom Alvarez'];

const SETUP_SQL = `
  create or replace function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
      placing substring(int8send(floor(extract(epoch from ts) * 1000)::bigint) from 3) from 1 for 6),
      52, 1), 53, 1), 'hex')::uuid
  $$;
  -- A uniform number in [0, 1) per (row, column): deterministic, unlike random().
  create or replace function pg_temp.u(i bigint, k int) returns float8 language sql immutable as $$
    select (hashint8(i * 64 + k)::bigint & 2147483647)::float8 / 2147483648.0
  $$;
  create or replace function pg_temp.pick(a anyarray, x float8) returns anyelement language sql immutable as $$
    select a[1 + floor(x * cardinality(a))::int]
  $$;
`;

/** The small accounts, mirroring createAccount's account row and seedDefaultRecordTypes. */
const smallAccountStatements = (bigAccountId: string): [string, unknown[]][] => {
  const types = JSON.stringify(DEFAULT_RECORD_TYPES);
  const rt = `rows from (jsonb_to_recordset($1::jsonb)
    as (name text, description text, statuses jsonb, "closedWon" text)) with ordinality
    as t(name, description, statuses, "closedWon", ord)`;
  return [
    [
      `insert into accounts (id, name, package, time_zone, settings, created_at, updated_at)
       select pg_temp.uuid7(now() - (g || ' minutes')::interval), 'Agency ' || lpad(g::text, 4, '0'),
              (array['enhanced_records', 'accelerate', 'elevate', 'scale'])[1 + g % 4],
              (array['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix'])[1 + g % 4],
              '{}'::jsonb, now(), now()
       from generate_series(1, $1::int) g`,
      [SMALL_ACCOUNTS],
    ],
    [
      `insert into record_types (account_id, id, name, description, sort_order)
       select a.id, pg_temp.uuid7(now()), t.name, t.description, t.ord - 1
       from accounts a cross join ${rt}
       where a.id <> $2::uuid`,
      [types, bigAccountId],
    ],
    [
      `insert into record_statuses (account_id, id, record_type_id, name, sort_order, is_closed_won)
       select r.account_id, pg_temp.uuid7(now()), r.id, s.name, s.ord - 1, s.name = coalesce(t."closedWon", '')
       from record_types r
       join ${rt} on t.name = r.name
       cross join jsonb_array_elements_text(t.statuses) with ordinality as s(name, ord)
       where r.account_id <> $2::uuid`,
      [types, bigAccountId],
    ],
    [
      `update accounts a set settings = jsonb_build_object('defaultRecordTypeId', r.id)
       from record_types r
       where r.account_id = a.id and r.sort_order = 0 and a.id <> $1::uuid`,
      [bigAccountId],
    ],
    [
      `insert into agents (account_id, id, first_name, last_name, email, active)
       select a.id, pg_temp.uuid7(now()), pg_temp.pick($2::text[], pg_temp.u(n, 1)),
              pg_temp.pick($3::text[], pg_temp.u(n, 2)), 'agent' || n || '@agency.example.com', true
       from (select id, row_number() over (order by id) as rn from accounts where id <> $1::uuid) a
       cross join lateral (select (a.rn * 10 + k) as n from generate_series(1, $4::int) k) x`,
      [bigAccountId, FIRST_NAMES, LAST_NAMES, SMALL_AGENTS],
    ],
  ];
};

/** Per account: row count, global row offset, ids to pick from. */
const ACCOUNT_PLAN_SQL = `
  create temp table bench_accts on commit preserve rows as
  with a as (
    select a.id,
           case when a.id = $1::uuid then $2::int
                else $3::int + case when row_number() over (partition by a.id = $1::uuid order by a.id) <= $4::int then 1 else 0 end
           end as n
    from accounts a
  )
  select a.id as account_id, a.n,
         coalesce(sum(a.n) over (order by a.id rows between unbounded preceding and 1 preceding), 0)::bigint as off,
         (select array_agg(t.id order by t.sort_order) from record_types t where t.account_id = a.id) as types,
         (select array_agg(s.id order by s.sort_order) from record_statuses s join record_types t
            on t.account_id = s.account_id and t.id = s.record_type_id
          where s.account_id = a.id and t.sort_order = 0) as st1,
         (select array_agg(s.id order by s.sort_order) from record_statuses s join record_types t
            on t.account_id = s.account_id and t.id = s.record_type_id
          where s.account_id = a.id and t.sort_order = 1) as st2,
         (select array_agg(s.id order by s.sort_order) from record_statuses s join record_types t
            on t.account_id = s.account_id and t.id = s.record_type_id
          where s.account_id = a.id and t.sort_order = 2) as st3,
         coalesce((select array_agg(g.id order by g.last_name, g.first_name, g.id) from agents g where g.account_id = a.id), '{}') as agents,
         coalesce((select array_agg(u.id order by u.created_at, u.id) from users u where u.account_id = a.id), '{}') as users,
         case when a.id = $1::uuid then $5::float8 else $6::float8 end as agent_share,
         case when a.id = $1::uuid then $7::float8 else 0 end as user_share,
         case when a.id = $1::uuid then $8::uuid end as creator
  from a;
`;

const COLUMNS = `account_id, id, record_type_id, status_id, first_name, middle_name, last_name, date_of_birth,
  gender, email, phone, cell_phone, street, city, state, zip, medicare_number, coverage_type, carrier,
  assigned_user_id, assigned_agent_id, lead_source, lead_date, manual_temperature, custom_fields,
  created_by_user_id, created_at, updated_at, deleted_at`;

/** One statement for every row; `u(i, k)` is column k's random draw for global row i. */
const ROWS_SQL = `
  insert into sales_records (${COLUMNS})
  select account_id, pg_temp.uuid7(created_at), record_type_id, status_id, first_name, middle_name, last_name,
         date_of_birth, gender, email, phone, cell_phone, street, city, state, zip, medicare_number,
         coverage_type, carrier, assigned_user_id, assigned_agent_id, lead_source, lead_date,
         manual_temperature, '{}'::jsonb, created_by_user_id, created_at, created_at, deleted_at
  from (
    select b.account_id,
           types[t] as record_type_id,
           case t when 1 then pg_temp.pick(st1, pg_temp.u(i, 3))
                  when 2 then pg_temp.pick(st2, pg_temp.u(i, 3))
                  else pg_temp.pick(st3, pg_temp.u(i, 3)) end as status_id,
           fn as first_name,
           case when pg_temp.u(i, 6) < 0.3 then pg_temp.pick($1::text[], pg_temp.u(i, 7)) end as middle_name,
           ln as last_name,
           (date '1938-01-01' + floor(pg_temp.u(i, 8) * 10950)::int) as date_of_birth,
           case when pg_temp.u(i, 9) < 0.52 then 'female' when pg_temp.u(i, 9) < 0.98 then 'male' else 'unknown' end as gender,
           case when pg_temp.u(i, 10) < 0.85 then
             lower(fn) || '.' || lower(ln) || (i % 997) || '@' || pg_temp.pick($5::text[], pg_temp.u(i, 11)) end as email,
           case when pg_temp.u(i, 12) < 0.92 then '+1' || (200 + floor(pg_temp.u(i, 13) * 800))::int
             || (200 + floor(pg_temp.u(i, 14) * 800))::int || lpad(floor(pg_temp.u(i, 15) * 10000)::int::text, 4, '0') end as phone,
           case when pg_temp.u(i, 16) < 0.5 then '+1' || (200 + floor(pg_temp.u(i, 17) * 800))::int
             || (200 + floor(pg_temp.u(i, 18) * 800))::int || lpad(floor(pg_temp.u(i, 19) * 10000)::int::text, 4, '0') end as cell_phone,
           (100 + floor(pg_temp.u(i, 20) * 9900))::int || ' ' || pg_temp.pick($3::text[], pg_temp.u(i, 21)) as street,
           split_part(place, '|', 1) as city, split_part(place, '|', 2) as state,
           split_part(place, '|', 3) || lpad(floor(pg_temp.u(i, 22) * 100)::int::text, 2, '0') as zip,
           case when pg_temp.u(i, 23) < 0.4 then upper(substr(md5(i::text), 1, 11)) end as medicare_number,
           case when pg_temp.u(i, 24) < 0.6 then pg_temp.pick($6::text[], pg_temp.u(i, 25)) end as coverage_type,
           case when pg_temp.u(i, 26) < 0.5 then pg_temp.pick($7::text[], pg_temp.u(i, 27)) end as carrier,
           case when pg_temp.u(i, 28) < user_share then pg_temp.pick(users, pg_temp.u(i, 29)) end as assigned_user_id,
           case when pg_temp.u(i, 30) < agent_share and cardinality(agents) > 0
             then pg_temp.pick(agents, pg_temp.u(i, 31)) end as assigned_agent_id,
           pg_temp.pick($8::text[], pg_temp.u(i, 32)) as lead_source,
           created_at::date as lead_date,
           case when pg_temp.u(i, 33) < 0.05 then pg_temp.pick($9::text[], pg_temp.u(i, 34)) end as manual_temperature,
           creator as created_by_user_id,
           created_at,
           case when pg_temp.u(i, 35) < 0.01 then least(now(), created_at + interval '2 days') end as deleted_at
    from bench_accts b
    cross join lateral generate_series(b.off + 1, b.off + b.n) as i
    cross join lateral (select
      now() - pg_temp.u(i, 1) * interval '730 days' as created_at,
      case when pg_temp.u(i, 2) < 0.7 then 1 when pg_temp.u(i, 2) < 0.9 then 2 else 3 end as t,
      pg_temp.pick($1::text[], pg_temp.u(i, 4)) as fn,
      pg_temp.pick($2::text[], pg_temp.u(i, 5)) as ln,
      pg_temp.pick($4::text[], pg_temp.u(i, 36)) as place
    ) r
  ) x
  order by created_at
`;

const log = (msg: string) => process.stderr.write(`[generate-leads] ${msg}\n`);

async function timed<T>(seconds: Record<string, number>, step: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  log(`${step}…`);
  const r = await fn();
  seconds[step] = Math.round((performance.now() - t0) / 100) / 10;
  log(`${step}: ${seconds[step]} s`);
  return r;
}

/**
 * Generate everything into the (freshly migrated, empty) database behind `runtime`; `app` is the
 * OpenAMS app built on it, used to create the big account's users as an admin would.
 */
export async function generateLeads(
  runtime: Runtime,
  app: FastifyInstance,
  url: string,
): Promise<LeadFixture> {
  const seconds: Record<string, number> = {};
  const t0 = performance.now();
  const stamp = Date.now().toString(36);

  // 1. The big account, through the use case and the API.
  const adminLogin = `leads-admin-${stamp}`;
  const created = await timed(seconds, 'big account (createAccount + API users)', async () => {
    const acc = await createAccount(runtime.db, {
      name: 'Big Agency (bench)',
      package: 'scale',
      admin: { email: `${adminLogin}@bench.example.com`, username: adminLogin, password: PASSWORD },
    });
    const admin = await signIn(runtime, adminLogin, PASSWORD);
    const types = await runtime.database.executeSql(
      `select t.id, t.name, (select s.id from record_statuses s where s.account_id = t.account_id
          and s.record_type_id = t.id order by s.sort_order limit 1) as first_status
       from record_types t where t.account_id = $1 order by t.sort_order`,
      [acc.account.id],
    );
    const [lead, renewal, archive] = types.rows as { id: string; name: string; first_status: string }[];
    if (!lead || !renewal || !archive) throw new Error('createAccount did not seed three record types');

    const groupOf = (name: string, restriction: 'none' | 'accessible_agents') =>
      api<{ id: string }>(app, admin, 'POST', '/api/v1/security-groups', {
        name,
        permissions: {
          salesEnablement: { visible: true },
          individual: { visible: true, edit: true },
          agent: { visible: false, edit: false },
          administrative: { manageUsers: false },
          marketing: { visible: false },
          reporting: { visible: false },
          recordAccess: { restriction, includeUnassigned: false },
        },
      });
    const group = await groupOf('Field agents', 'accessible_agents');
    const office = await groupOf('Office staff', 'none');
    const agentIds: string[] = [];
    for (let k = 0; k < BIG_AGENTS; k++) {
      const a = await api<{ id: string }>(app, admin, 'POST', '/api/v1/agents', {
        firstName: FIRST_NAMES[(k * 7) % FIRST_NAMES.length]!,
        lastName: LAST_NAMES[(k * 13 + 5) % LAST_NAMES.length]!,
        email: `agent${k}@big-agency.example.com`,
      });
      agentIds.push(a.id);
    }
    const sales = (view: string[]) => ({
      textingWindow: { start: '08:00', end: '19:00' },
      recordAccess: 'all',
      agentDropdownView: 'self',
      recordTypeAccess: Object.fromEntries(view.map((id) => [id, { view: true, add: true, edit: true }])),
      flags: {
        downloadReports: false,
        viewMessagesTab: false,
        viewAllSms: false,
        viewMissedCalls: false,
        viewUnassignedRecordings: false,
      },
    });
    const agentLogin = `leads-agent-${stamp}`;
    const linkedAgentIds = [agentIds[0]!];
    const accessibleAgentIds = agentIds.slice(1, 5);
    const agentUser = await api<{ user: { id: string }; temporaryPassword: string }>(
      app,
      admin,
      'POST',
      '/api/v1/users',
      {
        firstName: 'Dana',
        lastName: 'Field',
        email: `${agentLogin}@bench.example.com`,
        username: agentLogin,
        userType: 'agent_crm_user',
        securityGroupId: group.id,
        linkedAgentIds,
        accessibleAgentIds,
        salesPermissions: sales([lead.id, renewal.id]),
        sendLoginInfo: false,
      },
    );
    for (const [k, name] of EXTRA_USERS.entries()) {
      const [firstName, lastName] = name.split(' ') as [string, string];
      await api(app, admin, 'POST', '/api/v1/users', {
        firstName,
        lastName,
        email: `leads-user${k}-${stamp}@bench.example.com`,
        username: `leads-user${k}-${stamp}`,
        securityGroupId: office.id,
        salesPermissions: sales([lead.id, renewal.id, archive.id]),
        sendLoginInfo: false,
      });
    }
    // The agent user sets a known password, as at a first sign-in.
    const first = await signIn(runtime, agentLogin, agentUser.temporaryPassword);
    await api(app, first, 'POST', '/api/v1/me/password', {
      currentPassword: agentUser.temporaryPassword,
      newPassword: PASSWORD,
    });
    return {
      accountId: acc.account.id,
      adminId: acc.admin.id,
      recordTypes: { lead: lead.id, renewal: renewal.id, archive: archive.id },
      leadNewStatusId: lead.first_status,
      agentUser: {
        id: agentUser.user.id,
        login: agentLogin,
        password: PASSWORD,
        linkedAgentIds,
        accessibleAgentIds,
      },
    };
  });

  // 2. Small accounts and the rows, with SQL on one connection (pg_temp functions).
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(SETUP_SQL);
    await timed(seconds, `${SMALL_ACCOUNTS} small accounts (SQL)`, async () => {
      await client.query('begin');
      for (const [text, values] of smallAccountStatements(created.accountId))
        await client.query(text, values);
      await client.query('commit');
    });
    const smallRows = TOTAL_ROWS - BIG_ROWS;
    const base = Math.floor(smallRows / SMALL_ACCOUNTS);
    await client.query(ACCOUNT_PLAN_SQL, [
      created.accountId,
      BIG_ROWS,
      base,
      smallRows - base * SMALL_ACCOUNTS,
      BIG_AGENT_SHARE,
      SMALL_AGENT_SHARE,
      USER_SHARE,
      created.adminId,
    ]);
    const indexes = await client.query<{ name: string; def: string }>(
      `select i.relname as name, pg_get_indexdef(i.oid) as def
       from pg_index x join pg_class i on i.oid = x.indexrelid
       where x.indrelid = 'sales_records'::regclass
         and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
    );
    await timed(seconds, `${TOTAL_ROWS.toLocaleString('en-US')} rows (INSERT … SELECT)`, async () => {
      await client.query('begin');
      await client.query(`set local session_replication_role = replica`);
      await client.query(`set local work_mem = '256MB'`);
      for (const ix of indexes.rows) await client.query(`drop index ${ident(ix.name)}`);
      await client.query(ROWS_SQL, [
        FIRST_NAMES,
        LAST_NAMES,
        STREETS,
        PLACES,
        EMAIL_DOMAINS,
        COVERAGE_TYPES,
        CARRIERS,
        LEAD_SOURCES,
        TEMPERATURES,
      ]);
      await client.query('commit');
    });
    await timed(seconds, `rebuild ${indexes.rows.length} indexes`, async () => {
      await client.query(`set maintenance_work_mem = '1GB'`);
      for (const ix of indexes.rows) await client.query(ix.def);
    });
    await timed(seconds, 'vacuum analyze', async () => {
      await client.query('vacuum (analyze)');
    });
    const count = await client.query<{ n: string }>('select count(*) as n from sales_records');
    seconds.total = Math.round((performance.now() - t0) / 100) / 10;
    const fixture: LeadFixture = {
      version: DATA_VERSION,
      accountId: created.accountId,
      recordTypes: created.recordTypes,
      leadNewStatusId: created.leadNewStatusId,
      admin: { id: created.adminId, login: adminLogin, password: PASSWORD },
      agentUser: created.agentUser,
      generatedAt: new Date().toISOString(),
      seconds,
      rows: Number(count.rows[0]!.n),
    };
    await client.query('create schema if not exists bench');
    await client.query('create table if not exists bench.lead_list (fixture jsonb not null)');
    await client.query('delete from bench.lead_list');
    await client.query('insert into bench.lead_list (fixture) values ($1)', [JSON.stringify(fixture)]);
    log(`done in ${seconds.total} s: ${fixture.rows} rows`);
    return fixture;
  } finally {
    await client.end();
  }
}
