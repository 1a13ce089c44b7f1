import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER_ENTRY = path.join(REPO_ROOT, 'dist/server/main.js');
const CLI_ENTRY = path.join(REPO_ROOT, 'src/cli/main.ts');
const WEB_DIST = path.join(REPO_ROOT, 'web/dist');

export type RunningServer = {
  baseUrl: string;
  dataDir: string;
  /** Run the OpenAMS CLI against this server's data directory (through its admin socket). */
  cli: (args: string[]) => Promise<unknown>;
  /** The server's output so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class ServerStartError extends Error {
  constructor(message: string, log: string) {
    super(`${message}:\n${log}`);
  }
}

type Spawned = { env: NodeJS.ProcessEnv; dataDir: string; output: () => string; stop: () => Promise<void> };

/** `node dist/server/main.js` on a fresh data directory; resolves once GET /readyz is 200. */
async function spawnServer(opts: {
  port: number;
  baseUrl: string;
  env?: Record<string, string>;
}): Promise<Spawned> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'openams-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    BASE_URL: opts.baseUrl,
    LOG_LEVEL: 'warn',
  };
  delete env.SMTP_URL;
  delete env.DATABASE_URL;
  Object.assign(env, opts.env);

  let log = '';
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      resolve();
    }),
  );
  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const ended = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
      if (!ended) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  const readyUrl = `http://127.0.0.1:${opts.port}/readyz`;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new ServerStartError(`The server exited (${exited}) before it was ready`, log);
    }
    try {
      if ((await fetch(readyUrl)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new ServerStartError('The server was not ready within 90 s', log);
    }
    await sleep(200);
  }
  return { env, dataDir, output: () => log, stop };
}

/**
 * Start the built server (`npm run build` first) on a fresh embedded database and a free port,
 * serving the built web app; resolves once GET /readyz answers 200.
 */
export async function startServer(opts: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  for (const f of [SERVER_ENTRY, path.join(WEB_DIST, 'index.html')]) {
    await fs.access(f).catch(() => {
      throw new Error(`${f} is missing: run \`npm run build\` first (npm run test:e2e does).`);
    });
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const spawned = await spawnServer({ port, baseUrl, ...(opts.env ? { env: opts.env } : {}) });

  const { env } = spawned;
  const cli = async (args: string[]) => {
    try {
      const { stdout } = await execFileAsync(
        process.execPath,
        ['--import', 'tsx', CLI_ENTRY, ...args, '--json'],
        { cwd: REPO_ROOT, env, timeout: 60_000 },
      );
      return JSON.parse(stdout) as unknown;
    } catch (err) {
      const e = err as Error & { stdout?: string; stderr?: string };
      throw new Error(`openams ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  };

  return {
    baseUrl,
    dataDir: spawned.dataDir,
    cli,
    output: spawned.output,
    stop: spawned.stop,
  };
}

export type CreatedAccount = {
  account: { id: string; name: string };
  admin: { id: string; username: string; email: string };
  temporaryPassword?: string;
};

/** `account create` through the CLI; without `password` the admin gets a temporary one. */
export async function createAccount(
  server: RunningServer,
  opts: {
    name: string;
    username: string;
    email: string;
    password?: string;
    firstName?: string;
    lastName?: string;
    /** `scale` (every feature) unless said otherwise. */
    package?: 'enhanced_records' | 'accelerate' | 'elevate' | 'scale';
  },
): Promise<CreatedAccount> {
  const args = [
    'account',
    'create',
    '--name',
    opts.name,
    '--package',
    opts.package ?? 'scale',
    '--admin-email',
    opts.email,
    '--admin-username',
    opts.username,
  ];
  if (opts.password) args.push('--admin-password', opts.password);
  if (opts.firstName) args.push('--admin-first-name', opts.firstName);
  if (opts.lastName) args.push('--admin-last-name', opts.lastName);
  return (await server.cli(args)) as CreatedAccount;
}
