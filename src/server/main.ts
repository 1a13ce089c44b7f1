import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirBusyError } from '../db/data-dir-lock.ts';
import { startAdminSocket } from './admin-socket.ts';
import { buildApp } from './app.ts';
import { openRuntime } from './runtime.ts';

async function main() {
  const config = loadConfig();
  const socket = config.databaseUrl ? undefined : path.join(config.dataDir, 'openams.sock');
  const runtime = await openRuntime(config, { role: 'server', ...(socket ? { socket } : {}) });
  const app = await buildApp(runtime);
  const admin = socket ? await startAdminSocket(runtime, socket) : undefined;

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await admin?.close();
    await runtime.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `OpenAMS ${config.databaseUrl ? 'on PostgreSQL' : `on the embedded database in ${config.dataDir}`} at ${config.baseUrl}`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirBusyError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
