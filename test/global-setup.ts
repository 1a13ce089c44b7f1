import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { createJobs } from '../src/jobs/queue.ts';

/**
 * Databases of a run carry the pid of the vitest process that made them (`openams_tpl_<pid>_<project>`,
 * `openams_t_<pid>_<random>`), so two runs against one PostgreSQL server at once leave each other
 * alone, and a run cleans up only what runs that are no longer alive left behind (interrupted).
 */
const RUN = process.pid;
const runOf = (datname: string) => /^openams_(?:tpl|t)_(\d+)(?:_|$)/.exec(datname)?.[1];
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

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
  // Each project (pglite, postgres) runs this setup: one template each.
  const template = `openams_tpl_${RUN}_${project.name.replace(/\W/g, '')}`;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Leftovers of interrupted earlier runs (and the single template of older versions).
    const old = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'openams\\_t%'`,
    );
    for (const { datname } of old.rows) {
      const pid = runOf(datname);
      if (datname === 'openams_test_template' || (pid && !alive(Number(pid))))
        await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    await admin.query(`create database ${template}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${template}`;
    const tpl = await openPostgres(u.toString(), 2);
    await tpl.migrate();
    const jobs = createJobs(tpl, log);
    await jobs.start([], { workers: false });
    await jobs.stop();
    await tpl.close();
    project.provide('pgTemplate', template);
    project.provide('testRun', String(RUN));
  }
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate?: string;
    testRun?: string;
  }
}
