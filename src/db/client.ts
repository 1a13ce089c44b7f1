import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/**
 * An open transaction. Distinct from Db (it has rollback()): code that must run inside the change's
 * transaction, like writing its audit event, takes a Tx, and passing the database does not compile.
 */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A transaction or the database: use cases accept either so callers can compose them. */
export type DbOrTx = Tx | Db;

export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname, '../../src/db/migrations');

/** Raw SQL executor for libraries that bring their own SQL (pg-boss). */
export type SqlExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  executeSql: SqlExecutor;
  /** Apply pending migrations; on PostgreSQL under an advisory lock so processes can start together. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance (embedded engine only), e.g. to dump a test template. */
  pglite?: PGlite;
  /** The pg connection string (PostgreSQL only), e.g. for pg-boss's own pool. */
  connectionString?: string;
};

const MIGRATE_LOCK_KEY = 7_220_301_001; // arbitrary, constant across versions

export async function openPostgres(connectionString: string, poolSize = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('error', () => {
    /* idle client errors are reported on the next query */
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    connectionString,
    executeSql: async (text, values) => {
      const r = await pool.query(text, values as unknown[]);
      return { rows: r.rows };
    },
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
        try {
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATE_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function openPglite(
  opts: { dataDir?: string; loadDataDir?: Blob | File } = {},
): Promise<Database> {
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    executeSql: async (text, values) => {
      if (values && values.length > 0) {
        const r = await client.query(text, values);
        return { rows: r.rows };
      }
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    close: () => client.close(),
  };
}

export async function ping(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}
