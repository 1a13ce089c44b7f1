import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/server-process.ts';

describe('the CLI run where there is no data directory', () => {
  it('says which database it looked at (stderr) and creates none for a command that needs one', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-cli-'));
    const dataDir = path.join(root, 'data');
    const r = await runCli(dataDir, ['api-key', 'create', '--account', 'Acme', '--name', 'x', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Database: embedded (PGlite), data directory ${dataDir}`);
    // --json stays machine-readable: the notice is on stderr, the error as JSON on stdout.
    expect(JSON.parse(r.stdout).error).toContain(`No database in ${dataDir}`);
    expect(fs.existsSync(dataDir)).toBe(false);
    fs.rmSync(root, { recursive: true });
  }, 60_000);
});
