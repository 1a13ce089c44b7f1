// Benchmark: generating a signed form's PDF (issue 14 target: p95 < 50 ms). Renders the SOA with a
// drawn PNG signature (a real signature_pad-sized drawing, 600 × 160) and a 9-event audit page, then
// the whole-file SHA-256 — what signing and every edit do — 300 times after 30 warm-up runs, in
// one process. Prints p50/p95/p99 and the size. Run: npm run bench -- forms-pdf
import { deflateSync } from 'node:zlib';
import { renderFormPdf, type PdfInput } from '../src/modules/forms/pdf.ts';

const RUNS = Number(process.env.FORMS_PDF_RUNS ?? 300);
const TARGET_P95_MS = 50;

/** A 600 × 160 RGBA PNG with a scribble on it (made here, so the bench needs no fixture). */
function signaturePng(): string {
  const w = 600;
  const h = 160;
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let x = 0; x < w; x++) {
    const y = Math.round(80 + 50 * Math.sin(x / 23) * Math.cos(x / 71));
    for (let dy = -1; dy <= 1; dy++) {
      const row = y + dy;
      if (row < 0 || row >= h) continue;
      const o = row * (w * 4 + 1) + 1 + x * 4;
      raw[o + 3] = 255; // black, opaque
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

const now = new Date('2026-12-03T15:00:00Z');
const ev = (type: PdfInput['events'][number]['type'], m: number) => ({
  type,
  at: new Date(now.getTime() + m * 60_000),
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  detail: null,
});
const input: PdfInput = {
  formId: '0193a6b2-5f00-7000-8000-000000000001',
  version: 1,
  kind: 'soa',
  language: 'en',
  agent: {
    name: 'Olivia Grant',
    phone: '+13125550100',
    salesRepId: 'REP-4411',
    npn: '17283940',
    agencyName: 'Harbor Health Advisors',
    signature: null,
  },
  beneficiaryName: 'José Núñez',
  signerName: 'José Núñez',
  authorizedRep: null,
  signature: { kind: 'drawn', dataUrl: signaturePng() },
  signedAt: now,
  consentedAt: now,
  plans: ['part_d', 'medicare_advantage', 'medicare_supplement'],
  firstContactMethod: 'beneficiary_call',
  appointmentAt: new Date(now.getTime() + 3 * 86_400_000),
  appointmentCompletedAt: null,
  exceptionReason: null,
  exceptionNote: null,
  events: [
    ev('created', 0),
    ev('sent', 0),
    ev('delivered', 1),
    ev('opened', 5),
    ev('opened', 6),
    ev('consented', 7),
    ev('signed', 8),
    ev('edited', 60),
    ev('edited', 61),
  ],
};

for (let i = 0; i < 30; i++) await renderFormPdf(input);
const times: number[] = [];
let bytes = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const r = await renderFormPdf(input);
  times.push(performance.now() - t0);
  bytes = r.bytes.length;
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(
  `forms-pdf: ${RUNS} runs, p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms, ${(bytes / 1024).toFixed(1)} KB per PDF`,
);
const pass = q(0.95) < TARGET_P95_MS;
console.log(`target p95 < ${TARGET_P95_MS} ms: ${pass ? 'PASS' : 'FAIL'}`);
if (!pass) process.exitCode = 1;
