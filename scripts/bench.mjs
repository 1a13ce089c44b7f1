// Run the benchmarks: every bench/*.ts (helpers live in bench/support/), one after another, each in
// its own `node --import tsx` process. `npm run bench -- me` runs only those whose file name
// contains "me"; arguments starting with "--" are passed on to each benchmark run
// (`npm run bench -- lead-list --explain`). Exits 1 if any benchmark fails (misses its target) or
// none matches.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('--'));
const passed = args.filter((a) => a.startsWith('--'));
const files = fs
  .readdirSync(path.join(root, 'bench'), { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
  .map((e) => e.name)
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark in bench/ matches ${filters.join(', ') || '(none present)'}.`);
  process.exit(1);
}

const failed = [];
for (const file of files) {
  console.log(`\n=== bench/${file} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', file), ...passed], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed.push(`bench/${file} (${r.error?.message ?? r.signal ?? `exit ${r.status}`})`);
}

if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nAll ${files.length} benchmark(s) passed.`);
