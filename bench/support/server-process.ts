/**
 * The benchmarks' server runs in a child process, so the load generator does not share its event
 * loop. The child prints one JSON line when it is ready (what the benchmark needs: ports, cookies,
 * keys); any other line it prints is passed on to stderr with its label.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(import.meta.dirname, '../..');

export type ServerProcess<R> = { pid: number; ready: Promise<R>; stop: () => Promise<void> };

export function startServerProcess<R>(opts: {
  /** The server's script, relative to the repository. */
  script: string;
  /** Arguments for the script. */
  args?: string[];
  env?: Record<string, string>;
  /** True for the ready line (parsed JSON). */
  isReady: (parsed: Partial<R>) => boolean;
  timeoutSeconds?: number;
}): ServerProcess<R> {
  const label = path.basename(opts.script, '.ts');
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', opts.script, ...(opts.args ?? [])], {
    cwd: root,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const seconds = opts.timeoutSeconds ?? 120;
  const ready = new Promise<R>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} did not start within ${seconds} s`)),
      seconds * 1000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with code ${code} before it was ready`));
    });
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let parsed: Partial<R> | undefined;
      try {
        parsed = JSON.parse(line) as Partial<R>;
      } catch {
        parsed = undefined;
      }
      if (parsed && typeof parsed === 'object' && opts.isReady(parsed)) {
        clearTimeout(timer);
        resolve(parsed as R);
      } else process.stderr.write(`[${label}] ${line}\n`);
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { pid: child.pid!, ready, stop };
}

/** Busy share of all cores over `ms` (Linux /proc/stat; 0 elsewhere). */
export async function busyShare(ms: number): Promise<number> {
  const sample = () => {
    try {
      const n = fs
        .readFileSync('/proc/stat', 'utf8')
        .split('\n')[0]!
        .trim()
        .split(/\s+/)
        .slice(1, 9)
        .map(Number);
      return { total: n.reduce((a, b) => a + b, 0), idle: n[3]! + n[4]! };
    } catch {
      return null;
    }
  };
  const a = sample();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  return a && b && b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : 0;
}

/** The load averages, for the record. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
