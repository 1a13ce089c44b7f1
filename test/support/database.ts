import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';

/** The engine of this test project: `pglite` always, `postgres` as a second project when TEST_DATABASE_URL is set. */
export const engine = (): 'postgres' | 'pglite' =>
  process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database of its own for a test file: PGlite loaded from the template dump, or
 * (with TEST_DATABASE_URL) a PostgreSQL database cloned from the template database.
 */
export async function freshDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (engine() === 'pglite' || !url) {
    const buf = fs.readFileSync(inject('pgliteTemplate'));
    const db = await openPglite({ loadDataDir: new Blob([buf]) });
    return { ...db, dispose: () => db.close() };
  }
  const name = `openams_t_${inject('testRun')!}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${inject('pgTemplate')!}`);
      break;
    } catch (e) {
      // 55006: the template is briefly busy with another worker's clone.
      if ((e as { code?: string }).code !== '55006' || attempt > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 10);
  return {
    ...db,
    async dispose() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
