import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { createJobs } from '../src/jobs/queue.ts';

export const PG_TEMPLATE_DB = 'openams_test_template';

/**
 * Build the database every test file starts from, once per run: a migrated PGlite dumped to a
 * tarball (each file loads it in memory), and — when TEST_DATABASE_URL is set — a migrated
 * PostgreSQL template database that each file clones with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'silent' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-template-'));
  const lite = await openPglite();
  await lite.migrate();
  const liteJobs = createJobs(lite, log);
  await liteJobs.start([], { workers: false }); // creates pg-boss's schema
  await liteJobs.stop();
  const dump = await lite.pglite!.dumpDataDir('gzip');
  const file = path.join(dir, 'pglite.tgz');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', file);

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
    // Leftovers of an interrupted earlier run.
    const old = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'openams_t_%'`,
    );
    for (const r of old.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${PG_TEMPLATE_DB}`;
    const tpl = await openPostgres(u.toString(), 2);
    await tpl.migrate();
    const jobs = createJobs(tpl, log);
    await jobs.start([], { workers: false });
    await jobs.stop();
    await tpl.close();
    project.provide('pgTemplate', PG_TEMPLATE_DB);
  }
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate?: string;
  }
}
