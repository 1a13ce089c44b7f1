import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDatabase, missingDatabaseProblem } from './database-notice.ts';

describe('which database the CLI uses', () => {
  it('names the embedded data directory, or the PostgreSQL host, port and database without credentials', () => {
    expect(describeDatabase({ dataDir: '/srv/openams/data' })).toBe(
      'Database: embedded (PGlite), data directory /srv/openams/data',
    );
    const pg = describeDatabase({
      dataDir: '/x',
      databaseUrl: 'postgres://ams:s3cret@db.internal:5433/openams',
    });
    expect(pg).toBe('Database: PostgreSQL at db.internal:5433/openams');
    expect(pg).not.toContain('s3cret');
  });

  it('refuses a missing or empty data directory except for the commands that initialise one', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-cli-'));
    const missing = path.join(root, 'data');
    expect(missingDatabaseProblem('api-key create', { dataDir: missing })).toContain(
      `No database in ${missing}`,
    );
    fs.mkdirSync(missing);
    expect(missingDatabaseProblem('api-key create', { dataDir: missing })).not.toBeNull();
    for (const c of ['migrate', 'account create', 'seed-demo'])
      expect(missingDatabaseProblem(c, { dataDir: path.join(root, 'nothing') }), c).toBeNull();
    fs.writeFileSync(path.join(missing, 'PG_VERSION'), '17');
    expect(missingDatabaseProblem('api-key create', { dataDir: missing })).toBeNull();
    expect(
      missingDatabaseProblem('api-key create', {
        dataDir: path.join(root, 'x'),
        databaseUrl: 'postgres://h/db',
      }),
    ).toBeNull();
    fs.rmSync(root, { recursive: true });
  });
});
