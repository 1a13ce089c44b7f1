// Benchmark: memory while a large upload streams into file storage — the data directory and an
// S3-compatible bucket (a fake S3 server in another process, multipart upload of 5 MiB parts).
// Target (issue 4: "never buffer a whole file"): the uploader's peak Buffer memory stays under
// 64 MiB for a 400 MiB file, on both stores. Run: npm run bench -- file-storage
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { s3Storage } from '../src/modules/files/s3-storage.ts';
import { diskStorage, type FileStorage } from '../src/modules/files/storage.ts';

const SIZE = 400 * 1024 * 1024;
const LIMIT = 64 * 1024 * 1024;
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function* body() {
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  for (let sent = 0; sent < SIZE; sent += chunk.length) yield chunk;
}

/** Upload SIZE bytes; sample Buffer memory every 25 ms after a full GC (so only live bytes count). */
async function measure(store: FileStorage) {
  gc();
  let peak = 0;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }, 25);
  const started = Date.now();
  const stored = await store.put('bench', Readable.from(body()), SIZE);
  clearInterval(timer);
  if (stored.sizeBytes !== SIZE) throw new Error(`stored ${stored.sizeBytes} bytes`);
  return { peak, seconds: (Date.now() - started) / 1000, key: stored.key };
}

const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/fake-s3-server.ts'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const s3 = await new Promise<Record<string, string>>((resolve) => {
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as Record<string, string>);
  });
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-bench-files-'));
const stores: [string, FileStorage][] = [
  ['disk', diskStorage(dir)],
  [
    's3',
    s3Storage({
      kind: 's3',
      endpoint: s3.endpoint,
      region: s3.region!,
      bucket: s3.bucket!,
      credentials: { accessKeyId: s3.accessKeyId!, secretAccessKey: s3.secretAccessKey! },
      forcePathStyle: true,
    }),
  ],
];
let failed = false;
console.log(
  `| store | file | peak Buffer memory | seconds (with the GCs) |\n| ----- | ---- | ------------------ | ---------------------- |`,
);
for (const [name, store] of stores) {
  const r = await measure(store);
  await store.delete(r.key);
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`| ${name} | ${mib(SIZE)} | ${mib(r.peak)} | ${r.seconds.toFixed(1)} |`);
  if (r.peak >= LIMIT) failed = true;
}
child.kill();
fs.rmSync(dir, { recursive: true, force: true });
console.log(`Target: peak < ${LIMIT / 1024 / 1024} MiB on both stores: ${failed ? 'FAIL' : 'PASS'}`);
process.exit(failed ? 1 : 0);
