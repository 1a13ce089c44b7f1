import fs from 'node:fs';
import net from 'node:net';
import { COMMANDS, type Args } from '../cli/commands.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';

export type SocketRequest = { command: string; args: Args };
export type SocketResponse =
  | { ok: true; result: unknown; text: string }
  | { ok: false; error: string; errors?: { path: string; message: string }[] };

/**
 * On the embedded database only the server may open the data directory, so it listens on a Unix
 * socket inside it (mode 0600: the same OS user only) and runs CLI commands for `npm run openams`.
 */
export async function startAdminSocket(deps: Deps, socketPath: string): Promise<{ close(): Promise<void> }> {
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl < 0) {
        if (buf.length > 1_000_000) conn.destroy();
        return;
      }
      const line = buf.slice(0, nl);
      void handle(deps, line).then((res) => conn.end(JSON.stringify(res) + '\n'));
    });
    conn.on('error', () => conn.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socketPath, { force: true });
      }),
  };
}

async function handle(deps: Deps, line: string): Promise<SocketResponse> {
  try {
    const req = JSON.parse(line) as SocketRequest;
    const run = COMMANDS[req.command];
    if (!run) return { ok: false, error: `Unknown command "${req.command}".` };
    const { result, text } = await run(deps, req.args ?? {});
    return { ok: true, result, text };
  } catch (err) {
    if (err instanceof AppError)
      return { ok: false, error: err.message, ...(err.errors ? { errors: err.errors } : {}) };
    deps.log.error({ err }, 'admin socket command failed');
    return { ok: false, error: 'The command failed; see the server log.' };
  }
}
