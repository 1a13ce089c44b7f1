import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite lets one process open a data directory at a time. This lock file records who has it
 * (`{ pid, role, socket? }`), so a second process refuses clearly — or, for the CLI, talks to the
 * running server through its admin socket — instead of corrupting the data.
 */
export type LockInfo = { pid: number; role: 'server' | 'cli'; startedAt: string; socket?: string };

export class DataDirBusyError extends Error {
  constructor(readonly holder: LockInfo) {
    super(
      `The data directory is in use by ${holder.role === 'server' ? 'the OpenAMS server' : 'another OpenAMS command'} ` +
        `(pid ${holder.pid}, since ${holder.startedAt}).`,
    );
  }
}

const lockPath = (dataDir: string) => path.join(dataDir, 'openams.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return isAlive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

/** Take the lock or throw DataDirBusyError. Returns a release function. */
export function acquireDataDirLock(dataDir: string, info: Omit<LockInfo, 'pid' | 'startedAt'>): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const mine: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), ...info };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          const cur = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (cur.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(dataDir);
      if (holder) throw new DataDirBusyError(holder);
      fs.rmSync(file, { force: true }); // stale: its process is gone (e.g. after kill -9)
    }
  }
  throw new Error(`Could not take the data directory lock at ${file}`);
}
