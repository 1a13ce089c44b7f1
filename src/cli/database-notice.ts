import fs from 'node:fs';

/** Commands that may start a database from nothing: they are how an agency begins. */
export const INITIALISING_COMMANDS = new Set(['migrate', 'account create', 'seed-demo']);

/**
 * Which database a command uses, in one line for stderr (so `--json` on stdout stays clean): the
 * embedded one's resolved data directory, or the PostgreSQL server's host, port and database —
 * never the user name or password of DATABASE_URL.
 */
export function describeDatabase(config: { dataDir: string; databaseUrl?: string | undefined }): string {
  if (!config.databaseUrl) return `Database: embedded (PGlite), data directory ${config.dataDir}`;
  try {
    const u = new URL(config.databaseUrl);
    return `Database: PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname || '/'}`;
  } catch {
    return 'Database: PostgreSQL (DATABASE_URL)';
  }
}

/** A data directory holds a database when it exists and is not empty. */
const hasDatabase = (dir: string) => {
  try {
    return fs.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
};

/**
 * Refuse to create a fresh embedded database implicitly: run from another folder, `./data` would
 * silently be a new, empty one. Only the initialising commands may start one; the others say where
 * they looked and how to point at the right one. Null when the command may go on.
 */
export function missingDatabaseProblem(
  command: string,
  config: { dataDir: string; databaseUrl?: string | undefined },
): string | null {
  if (config.databaseUrl || INITIALISING_COMMANDS.has(command) || hasDatabase(config.dataDir)) return null;
  return (
    `No database in ${config.dataDir}. Run this command from the folder that holds your data ` +
    `directory, set DATA_DIR (or DATABASE_URL) to it, or start a new one with \`migrate\`, ` +
    '`account create` or `seed-demo`.'
  );
}
