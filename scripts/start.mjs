// `npm start`: build the server and the web app when their sources are newer than the last build,
// then run the server. A fresh clone builds once (about half a minute); later starts are instant.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = [
  'src',
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(full)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const needsBuild =
  built === 0 ||
  !fs.existsSync(path.join(root, 'web/dist/index.html')) ||
  inputs.some((p) => newest(p) > built);

if (needsBuild) {
  console.log('Building OpenAMS (server and web app)…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stamp, new Date().toISOString());
}

await import(path.join(root, 'dist/server/main.js'));
