import fs from 'node:fs';
import os from 'node:os';

/**
 * Where the CPU went during a measurement (Linux /proc; elsewhere `null`). On a small machine the
 * load generator, the server and PostgreSQL share the cores, and anything else running skews the
 * figures, so benchmarks report the split.
 */
export type CpuSplit = {
  server: number;
  postgres: number;
  loadGenerator: number;
  /** Interrupt handling, mostly the loopback TCP traffic itself (not charged to any process). */
  irq: number;
  /** Everything else: other processes on the machine. */
  other: number;
};

type Snapshot = { total: number; idle: number; irq: number; pids: Map<number, number> };

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** utime + stime of a process, in clock ticks. */
function ticksOf(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * PostgreSQL's processes. With `database`: only the backends connected to it plus the shared
 * processes (checkpointer, WAL writer, …) of the same server; other databases' backends and other
 * servers count as "other". A backend's title is
 * `postgres: [<cluster>: ]<user> <database> <host>(<port>) <state>`.
 */
function postgresPids(database: string | undefined): number[] {
  const procs: { pid: number; ppid: number; db: string | null }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (read(`/proc/${entry}/comm`)?.trim() !== 'postgres') continue;
    const stat = read(`/proc/${entry}/stat`);
    const title = (read(`/proc/${entry}/cmdline`) ?? '').replace(/\0/g, ' ').trim();
    const backend = /^postgres: (?:\S+: )?\S+ (\S+) (?:\S+\(\d+\)|\[local\]) /.exec(`${title} `);
    procs.push({
      pid: Number(entry),
      ppid: stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : 0,
      db: backend?.[1] ?? null,
    });
  }
  if (!database) return procs.map((p) => p.pid);
  const servers = new Set(procs.filter((p) => p.db === database).map((p) => p.ppid));
  return procs
    .filter((p) => p.db === database || (p.db === null && (servers.has(p.ppid) || servers.has(p.pid))))
    .map((p) => p.pid);
}

export class CpuMeter {
  private before: Snapshot | null = null;
  /** `database`: count only the PostgreSQL backends connected to it (see postgresPids). */
  constructor(
    private readonly serverPid: number,
    private readonly database?: string,
  ) {}

  private snapshot(): Snapshot | null {
    const line = read('/proc/stat')?.split('\n')[0];
    if (!line) return null;
    const n = line.trim().split(/\s+/).slice(1).map(Number);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    const irq = (n[5] ?? 0) + (n[6] ?? 0);
    const pids = new Map<number, number>();
    for (const pid of [process.pid, this.serverPid, ...postgresPids(this.database)]) {
      const t = ticksOf(pid);
      if (t !== null) pids.set(pid, t);
    }
    return { total, idle, irq, pids };
  }

  start(): void {
    this.before = this.snapshot();
  }

  /** CPU used since `start()`, in % of one core (200% = both cores of a 2-core machine). */
  stop(): CpuSplit | null {
    const a = this.before;
    const b = this.snapshot();
    if (!a || !b || b.total <= a.total) return null;
    const toPct = (ticks: number) => (ticks / (b.total - a.total)) * os.cpus().length * 100;
    // A process started during the measurement (a new pool connection) counts from zero.
    const delta = (pid: number) => Math.max(0, (b.pids.get(pid) ?? 0) - (a.pids.get(pid) ?? 0));
    const server = delta(this.serverPid);
    const loadGenerator = delta(process.pid);
    let postgres = 0;
    for (const pid of b.pids.keys()) {
      if (pid !== this.serverPid && pid !== process.pid) postgres += delta(pid);
    }
    const busy = b.total - a.total - (b.idle - a.idle);
    const irq = b.irq - a.irq;
    return {
      server: toPct(server),
      postgres: toPct(postgres),
      loadGenerator: toPct(loadGenerator),
      irq: toPct(irq),
      other: toPct(Math.max(0, busy - irq - server - loadGenerator - postgres)),
    };
  }
}
