import net from 'node:net';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirBusyError, readLock } from '../db/data-dir-lock.ts';
import { AppError } from '../lib/errors.ts';
import type { SocketResponse } from '../server/admin-socket.ts';
import { openRuntime } from '../server/runtime.ts';
import { type Args, COMMANDS } from './commands.ts';
import { describeDatabase, missingDatabaseProblem } from './database-notice.ts';

const USAGE = `Usage: npm run openams -- <command> [options]

Commands:
  account create --name <n> --package <enhanced_records|accelerate|elevate|scale>
                 --admin-email <e> --admin-username <u> [--admin-password <pw>]
                 [--admin-first-name <n>] [--admin-last-name <n>] [--time-zone <tz>] [--json]
  api-key create --account <id or name> --name <n> [--scope full|leads] [--json]
  migrate        apply database migrations
  seed-demo      create a demo agency with realistic data

On the embedded database, commands run through the running server when there is one.
Every command names the database it uses (on stderr). Only migrate, account create and seed-demo
start a new embedded database; the others refuse a data directory that does not exist yet.`;

async function viaSocket(socket: string, command: string, args: Args): Promise<SocketResponse> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(socket, () => conn.write(JSON.stringify({ command, args }) + '\n'));
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', (c: string) => (buf += c));
    conn.on('end', () => {
      try {
        resolve(JSON.parse(buf) as SocketResponse);
      } catch (e) {
        reject(e as Error);
      }
    });
    conn.on('error', reject);
  });
}

async function main(argv: string[]): Promise<number> {
  const stringOptions = [
    'name',
    'package',
    'time-zone',
    'admin-email',
    'admin-username',
    'admin-password',
    'admin-first-name',
    'admin-last-name',
    'account',
    'scope',
  ];
  const { values, positionals } = parseArgs({
    args: argv,
    strict: false,
    allowPositionals: true,
    options: {
      ...Object.fromEntries(stringOptions.map((o) => [o, { type: 'string' as const }])),
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const json = values.json === true;
  const name = positionals.slice(0, 2).join(' ');
  const command = COMMANDS[name] ? name : COMMANDS[positionals[0] ?? ''] ? positionals[0]! : null;
  if (!command || values.help) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const args = values as Args;
  const config = loadConfig();
  // Every command says which database it uses (stderr: --json output stays clean).
  console.error(describeDatabase(config));
  const missing = missingDatabaseProblem(command, config);
  if (missing) {
    if (json) console.log(JSON.stringify({ error: missing, errors: [] }, null, 2));
    else console.error(`Error: ${missing}`);
    return 1;
  }

  let response: SocketResponse;
  const holder = config.databaseUrl ? null : readLock(config.dataDir);
  if (holder) {
    if (holder.role !== 'server' || !holder.socket) throw new DataDirBusyError(holder);
    response = await viaSocket(holder.socket, command, args);
  } else {
    const runtime = await openRuntime({ ...config, logLevel: 'warn' }, { role: 'cli', workers: false });
    try {
      const { result, text } = await COMMANDS[command]!(runtime, args);
      response = { ok: true, result, text };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      response = { ok: false, error: err.message, ...(err.errors ? { errors: err.errors } : {}) };
    } finally {
      await runtime.shutdown();
    }
  }
  if (response.ok) {
    console.log(json ? JSON.stringify(response.result, null, 2) : response.text);
    return 0;
  }
  if (json) console.log(JSON.stringify({ error: response.error, errors: response.errors ?? [] }, null, 2));
  else {
    console.error(`Error: ${response.error}`);
    for (const e of response.errors ?? []) console.error(`  ${e.path}: ${e.message}`);
  }
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DataDirBusyError) {
      console.error(
        `${err.message}\nStop it first, or run the command again once it is the server that holds the data directory.`,
      );
    } else if (err instanceof ConfigError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  },
);
