import pg from 'pg';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/openams_bench';

/** The bench database: `BENCH_DATABASE_URL`, or `openams_bench` on the local PostgreSQL. */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
}

/**
 * Drop and recreate the database named in `url` (connecting to the server's `postgres` database),
 * so every run starts from the current migrations and the same amount of data. The database must
 * be dedicated to benchmarks.
 */
export async function resetDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name || name === 'postgres' || name.startsWith('template')) {
    throw new Error(
      `Refusing to reset database "${name}": point BENCH_DATABASE_URL at a dedicated database.`,
    );
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const ident = `"${name.replace(/"/g, '""')}"`;
    await client.query(`drop database if exists ${ident} with (force)`);
    await client.query(`create database ${ident}`);
  } finally {
    await client.end();
  }
}
