// npm run test:e2e — build the server and the web app, then run the browser tests (vitest.e2e.config.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.error) {
    console.error(r.error.message);
    return 1;
  }
  return r.status ?? 1;
}

const build = run(npm, ['run', 'build']);
if (build !== 0) {
  console.error(`\nnpm run build failed (exit ${build}); the e2e tests were not run.`);
  process.exit(build);
}
const passArgs = process.argv.slice(2);
const tests = run(npx, ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...passArgs]);
process.exit(tests);
