import pg from 'pg';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/openams_bench';

/** The bench database: `BENCH_DATABASE_URL`, or `openams_bench` on the local PostgreSQL. */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
}

/**
 * Take the bench database for this run, then drop and recreate it (connecting to the server's
 * `postgres` database), so every run starts from the current migrations and the same amount of
 * data. The database must be dedicated to benchmarks. A session advisory lock, held until
 * `release()`, makes a second run on the same database fail at once instead of dropping the
 * database under the first one.
 */
export async function takeFreshDatabase(url: string): Promise<{ release(): Promise<void> }> {
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
    const { rows } = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock(hashtext($1)) as locked',
      [`openams-bench:${name}`],
    );
    if (!rows[0]?.locked) {
      throw new Error(`Another benchmark run is using database "${name}"; wait for it to finish.`);
    }
    const ident = `"${name.replace(/"/g, '""')}"`;
    await client.query(`drop database if exists ${ident} with (force)`);
    await client.query(`create database ${ident}`);
  } catch (e) {
    await client.end();
    throw e;
  }
  return { release: () => client.end() };
}
