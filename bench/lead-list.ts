/**
 * Issue 4: the lead list at scale, on PostgreSQL. One account with 100,000 Sales Records in a
 * database of 1,000,000 across 1,000 accounts. At 20 concurrent connections, as a scoped user
 * (an Agent CRM user with View on two of the three record types and 1 Linked + 4 Accessible Agents
 * of 40):
 *
 * - the first page of the lead list (50 rows, filter `recordTypeId=<Lead>`, permission scope),
 * - a search by name prefix (`q=smi`, then other prefixes in turn),
 * - a search by phone in any format (`q=(934) 637-4937`, `934-637-4937`, `+1 934 637 4937`, …),
 * - a partial search (issue 12): an email's start (`mary.smith412`, `mary.smith`) and a phone's
 *   last 4 or 7 digits (`4937`, `637-4937`),
 *
 * each at p95 under 50 ms, and the list route at no less than 50% of the requests per second of a
 * bare Fastify+pg route running the same SQL (captured from the app) in the same run. The account
 * admin (scope: every record type) is measured too, for information (`--scoped-only` skips it).
 *
 *   node --import tsx bench/lead-list.ts [--regenerate] [--scoped-only] [--explain] [--with-proposed-fix]
 *
 * The data (bench/support/generate-leads.ts) is generated once into BENCH_LEADS_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/openams_bench_leads) and reused; `--regenerate`
 * rebuilds it. `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of every measured query.
 * `--with-proposed-fix` measures a throw-away copy of the database with the recommended index and
 * statistics change applied (bench/support/lead-list-server.ts), to show its effect. The server runs
 * in a child process; p95 is exact, computed from every measured request's latency. Exits 1 when a
 * target is missed.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { CpuMeter, type CpuSplit } from './support/cpu.ts';
import type { LeadListReady } from './support/lead-list-server.ts';
import { busyShare, startServerProcess } from './support/server-process.ts';

const CONNECTIONS = 20;
const WARMUP_SECONDS = 3;
const MEASURE_SECONDS = 12;
const MAX_P95_MS = 50;
const MIN_RATIO = 0.5;
/** CPU used by unrelated processes during a measurement (% of one core) above which we warn. */
const OTHER_CPU_WARN = 20;
/** Runs per scenario at most, when other processes disturb one. */
const ATTEMPTS = 3;
/** How long to wait for the machine to be at least 85% idle before each run. */
const QUIET_WAIT_SECONDS = Number(process.env.BENCH_QUIET_WAIT_SECONDS || 120);

const args = new Set(process.argv.slice(2));

type Measured = {
  attempts: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  cpu: CpuSplit | null;
};

const startServer = () =>
  startServerProcess<LeadListReady>({
    script: 'bench/support/lead-list-server.ts',
    args: ['--regenerate', '--with-proposed-fix'].filter((a) => args.has(a)),
    isReady: (r) => Boolean(r.appPort && r.barePort),
    // Generating the data takes about a minute; allow for a slow machine.
    timeoutSeconds: 900,
  });

/** One autocannon run over `paths` in turn; every response's latency is kept for exact percentiles. */
function load(origin: string, paths: string[], headers: Record<string, string>, seconds: number) {
  return new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
    const latencies: number[] = [];
    let next = 0;
    const instance = autocannon(
      {
        url: origin,
        headers,
        connections: CONNECTIONS,
        pipelining: 1,
        duration: seconds,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }),
          },
        ],
      },
      (err: unknown, result: autocannon.Result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

/** Other jobs share this machine: wait (up to QUIET_WAIT_SECONDS) until it is at least 85% idle. */
async function waitForQuiet(): Promise<void> {
  const end = Date.now() + QUIET_WAIT_SECONDS * 1000;
  let busy = await busyShare(2000);
  while (busy > 0.15 && Date.now() < end) busy = await busyShare(2000);
  if (busy > 0.15) {
    console.log(`  machine still ${fmt(busy * 100)}% busy after ${QUIET_WAIT_SECONDS} s; measuring anyway`);
  }
}

async function measureOnce(
  meter: CpuMeter,
  origin: string,
  paths: string[],
  headers: Record<string, string>,
) {
  await waitForQuiet();
  await load(origin, paths, headers, WARMUP_SECONDS);
  meter.start();
  const { result, latencies } = await load(origin, paths, headers, MEASURE_SECONDS);
  return { result, latencies, cpu: meter.stop() };
}

/**
 * Warm up, then measure. When other processes took more than OTHER_CPU_WARN of a core meanwhile,
 * measure again (at most ATTEMPTS runs in all) and keep the least disturbed run.
 */
async function measure(
  meter: CpuMeter,
  label: string,
  origin: string,
  paths: string[],
  headers: Record<string, string> = {},
): Promise<Measured> {
  console.log(
    `${label}: ${WARMUP_SECONDS} s warm-up, ${MEASURE_SECONDS} s measured, ${CONNECTIONS} connections`,
  );
  let best: Awaited<ReturnType<typeof measureOnce>> | undefined;
  let attempts = 0;
  while (attempts < ATTEMPTS) {
    attempts++;
    const m = await measureOnce(meter, origin, paths, headers);
    if (!best || (m.cpu?.other ?? 0) < (best.cpu?.other ?? 0)) best = m;
    if ((best.cpu?.other ?? 0) <= OTHER_CPU_WARN) break;
    console.log(`  disturbed (other processes: ${pct(m.cpu?.other)} of a core), measuring again`);
  }
  const { result: r, latencies, cpu } = best!;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    attempts,
    rps: r.requests.total / r.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    cpu,
  };
}

type Page = {
  items: {
    id: string;
    recordTypeId?: string;
    assignedUserId?: string | null;
    assignedAgentId?: string | null;
  }[];
};

async function getPage(url: string, cookie?: string): Promise<Page> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 500)}`);
  return JSON.parse(body) as Page;
}

/** Before loading anything: every measured URL answers 200 with the rows we expect. */
async function check(r: LeadListReady, app: string, bare: string) {
  const f = r.fixture;
  const mine = new Set([...f.agentUser.linkedAgentIds, ...f.agentUser.accessibleAgentIds]);
  const list = await getPage(`${app}${r.paths.list}`, r.sessions.agent);
  if (list.items.length !== 50) throw new Error(`the scoped list returned ${list.items.length} rows, not 50`);
  for (const it of list.items) {
    const inScope =
      it.assignedUserId === f.agentUser.id || (it.assignedAgentId && mine.has(it.assignedAgentId));
    if (it.recordTypeId !== f.recordTypes.lead || !inScope) {
      throw new Error(
        `the scoped list returned a row outside the filter or the scope: ${JSON.stringify(it)}`,
      );
    }
  }
  const b = await getPage(`${bare}/bare`);
  if (b.items.map((i) => i.id).join() !== list.items.map((i) => i.id).join()) {
    throw new Error('GET /bare did not return the same 50 rows as the list route');
  }
  for (const [who, cookie] of Object.entries(r.sessions)) {
    const paths =
      who === 'agent' || !args.has('--scoped-only')
        ? [r.paths.list, ...r.paths.names, ...r.paths.phones, ...r.paths.partials]
        : [];
    for (const p of paths) {
      const page = await getPage(`${app}${p}`, cookie);
      if (page.items.length === 0) throw new Error(`${who}: GET ${p} found nothing`);
    }
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const pct = (n: number | undefined) => (n === undefined ? 'n/a' : `${fmt(n)}%`);
const row = (m: Measured) => ({
  'req/s': fmt(m.rps),
  'p50 ms': fmt(m.p50, 1),
  'p95 ms': fmt(m.p95, 1),
  'p99 ms': fmt(m.p99, 1),
  'max ms': fmt(m.max, 1),
  requests: m.total,
  'non-2xx': m.non2xx,
  errors: m.errors + m.timeouts,
  'CPU srv': pct(m.cpu?.server),
  'CPU pg': pct(m.cpu?.postgres),
  'CPU load': pct(m.cpu?.loadGenerator),
  'CPU other': pct(m.cpu?.other),
  runs: m.attempts,
});

async function main() {
  const server = startServer();
  try {
    const r = await server.ready;
    const app = `http://127.0.0.1:${r.appPort}`;
    const bare = `http://127.0.0.1:${r.barePort}`;
    const f = r.fixture;
    await check(r, app, bare);

    const meter = new CpuMeter(server.pid);
    const agent = { cookie: r.sessions.agent };
    const admin = { cookie: r.sessions.admin };
    const results: Record<string, Measured> = {};
    results['bare (same SQL as agent list)'] = await measure(meter, 'GET /bare', bare, ['/bare']);
    results['agent list ?recordTypeId=Lead'] = await measure(meter, 'agent list', app, [r.paths.list], agent);
    results['agent search name'] = await measure(meter, 'agent name search', app, r.paths.names, agent);
    results['agent search phone'] = await measure(meter, 'agent phone search', app, r.paths.phones, agent);
    results['agent search partial'] = await measure(
      meter,
      'agent partial email / phone-suffix search',
      app,
      r.paths.partials,
      agent,
    );
    if (!args.has('--scoped-only')) {
      results['admin list ?recordTypeId=Lead'] = await measure(
        meter,
        'admin list',
        app,
        [r.paths.list],
        admin,
      );
      results['admin search name'] = await measure(meter, 'admin name search', app, r.paths.names, admin);
      results['admin search phone'] = await measure(meter, 'admin phone search', app, r.paths.phones, admin);
    }

    const g = f.seconds;
    console.log('');
    console.log(
      `${new Date().toISOString()}; ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
        `DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE || `${2 * os.availableParallelism() + 2} (default: 2 × cores + 2)`}; CPU in % of one core`,
    );
    console.log(
      `Database ${r.database}${r.proposedFix ? ' (copy WITH THE PROPOSED FIX applied)' : ''}: ${r.size.database} ` +
        `(sales_records ${r.size.salesRecords} with indexes), ${f.rows.toLocaleString('en-US')} Sales Records in 1,000 accounts; ` +
        `${r.generated ? 'generated by this run' : `generated ${f.generatedAt}`} in ${g.total} s ` +
        `(${Object.entries(g)
          .filter(([k]) => k !== 'total')
          .map(([k, v]) => `${k} ${v} s`)
          .join(', ')})`,
    );
    console.log(
      `Big account: ${r.visible.admin.toLocaleString('en-US')} live records (${r.visible.adminLead.toLocaleString('en-US')} Lead). ` +
        `Scoped user ${f.agentUser.login} (Agent CRM user, View on Lead+Renewal, 1 Linked + 4 Accessible Agents of 40) ` +
        `sees ${r.visible.agent.toLocaleString('en-US')} (${r.visible.agentLead.toLocaleString('en-US')} Lead).`,
    );
    console.log(
      `Name search cycles ${r.paths.names.length} prefixes (${r.paths.names.map((p) => decodeURIComponent(p.split('q=')[1]!)).join(', ')}); ` +
        `phone search cycles ${r.paths.phones.length} visible phones in 5 formats; partial search cycles ` +
        `${r.paths.partials.map((p) => decodeURIComponent(p.split('q=')[1]!)).join(', ')}.`,
    );
    console.table(Object.fromEntries(Object.entries(results).map(([k, m]) => [k, row(m)])));

    console.log('PostgreSQL alone (EXPLAIN ANALYZE of each first request, warm, one at a time):');
    for (const [k, e] of Object.entries(r.explain)) {
      const top =
        e.plan
          .split('\n')
          .find((l) => /Scan|Seq/.test(l))
          ?.trim() ?? '';
      console.log(
        `  ${k.padEnd(22)} ${fmt(e.executionMs, 2).padStart(8)} ms  ${top.replace(/\s+\(cost.*$/, '')}`,
      );
      if (args.has('--explain')) console.log(e.plan.replace(/^/gm, '      '));
    }
    console.log(
      `GET /bare runs the SQL captured from the agent's list request:\n  ${r.bareSql.text.replace(/\s+/g, ' ')}`,
    );
    if (r.proposedFix) console.log(`Proposed fix applied to the copy:\n  ${r.proposedFix.join(';\n  ')};`);

    const other = Math.max(...Object.values(results).map((m) => m.cpu?.other ?? 0));
    if (other > OTHER_CPU_WARN) {
      console.warn(
        `WARNING: other processes used up to ${fmt(other)}% of a core during the measurements; ` +
          'the figures are disturbed. Run again on a quiet machine.',
      );
    }

    const bareM = results['bare (same SQL as agent list)']!;
    const list = results['agent list ?recordTypeId=Lead']!;
    const ratio = list.rps / bareM.rps;
    const all = Object.values(results);
    const non2xx = all.reduce((n, m) => n + m.non2xx, 0);
    const errors = all.reduce((n, m) => n + m.errors + m.timeouts, 0);
    const p95 = (name: string, m: Measured) => ({
      name: `${name} p95 < ${MAX_P95_MS} ms`,
      value: `${fmt(m.p95, 1)} ms`,
      ok: m.p95 < MAX_P95_MS,
    });
    const checks = [
      p95('scoped list (recordTypeId filter)', list),
      p95('scoped search by name', results['agent search name']!),
      p95('scoped search by phone', results['agent search phone']!),
      p95('scoped partial search (email start, phone end)', results['agent search partial']!),
      {
        name: `list req/s ≥ ${MIN_RATIO * 100}% of bare`,
        value: `${fmt(ratio * 100, 1)}%`,
        ok: ratio >= MIN_RATIO,
      },
      { name: 'non-2xx responses = 0', value: String(non2xx), ok: non2xx === 0 },
      { name: 'errors and timeouts = 0', value: String(errors), ok: errors === 0 },
    ];
    for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.value}`);
    if (bareM.p95 >= MAX_P95_MS) {
      console.log(
        `note  GET /bare itself has p95 ${fmt(bareM.p95, 1)} ms: the SQL is the bottleneck, so the ratio says little`,
      );
    }
    for (const k of Object.keys(results).filter((k) => k.startsWith('admin'))) {
      console.log(`info  ${k} p95: ${fmt(results[k]!.p95, 1)} ms (admin, not a target)`);
    }
    const pass = checks.every((c) => c.ok);
    console.log(pass ? 'RESULT: PASS' : 'RESULT: FAIL');
    process.exitCode = pass ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
