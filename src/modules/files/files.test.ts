import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { type FakeS3, startFakeS3 } from '../../../test/support/fake-s3.ts';
import { purgeDeletedSalesRecords } from '../sales-records/index.ts';
import { type S3StorageConfig, s3Storage } from './s3-storage.ts';
import { checkFileType, FileTooLargeError } from './storage.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
/** A PDF-headed file of `bytes` bytes, not all alike (so a misplaced part would show). */
function bigPdf(bytes: number) {
  const b = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) b[i] = 0x41 + (i % 23);
  b.write('%PDF-1.7\n', 0);
  return b;
}

function multipart(filename: string, content: Buffer, field = 'file') {
  const boundary = '----openams-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (c: Client, url: string, filename: string, content: Buffer, field?: string) =>
  c.request({ method: 'POST', url, ...multipart(filename, content, field) });

const s3ConfigOf = (s3: FakeS3, secret = s3.secretAccessKey): S3StorageConfig => ({
  kind: 's3',
  endpoint: s3.endpoint,
  region: s3.region,
  bucket: s3.bucket,
  credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: secret },
  forcePathStyle: true,
});

/** The same behaviour on both stores: the data directory and an S3-compatible bucket. */
describe.each(['disk', 's3'] as const)('files on Sales Records (%s storage)', (backend) => {
  let t: TestApp;
  let a: TestAccount;
  let s3: FakeS3 | undefined;
  beforeAll(async () => {
    if (backend === 's3') s3 = await startFakeS3();
    t = await createTestApp({ fileMaxBytes: 64 * 1024, ...(s3 ? { fileStorage: s3ConfigOf(s3) } : {}) });
    a = await t.newAccount();
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
  });

  /** What the store holds for an account (temporary upload files excluded). */
  const storedFiles = (accountId: string) => {
    if (s3) return [...s3.objects.keys()].filter((k) => k.startsWith(`${accountId}/`));
    const dir = path.join(t.deps.config.dataDir, 'files', accountId);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
  };

  it('uploads, lists, downloads and removes a file; links too', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'F', lastName: 'Iles' })).json();
    const res = await upload(a.admin, `/api/v1/sales-records/${r.id}/files`, 'Medicare card.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'upload',
      name: 'Medicare card.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      // The digest of these 2,016 bytes, computed outside the code (Python's hashlib).
      sha256: 'aa695a2a5e784e7a7052fb07b6e59fa5dfe701ed22077e9fff14080416dc3853',
    });
    const link = await a.admin.post(`/api/v1/sales-records/${r.id}/links`, {
      name: 'Plan brochure',
      url: 'https://example.com/plan.pdf',
    });
    expect(link.statusCode).toBe(201);
    expect(
      (await a.admin.post(`/api/v1/sales-records/${r.id}/links`, { name: 'x', url: 'javascript:alert(1)' }))
        .statusCode,
    ).toBe(400);
    expect((await a.admin.get(`/api/v1/sales-records/${r.id}/files`)).json().items).toHaveLength(2);

    const dl = await a.admin.get(`/api/v1/files/${res.json().id}/content`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['content-disposition']).toBe("attachment; filename*=UTF-8''Medicare%20card.pdf");

    expect((await a.admin.delete(`/api/v1/files/${res.json().id}`)).statusCode).toBe(204);
    expect(storedFiles(a.accountId)).toHaveLength(0);
  });

  it('refuses disallowed types, disguised files, empty and oversized files, keeping nothing', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'B', lastName: 'Ad' })).json();
    const before = storedFiles(a.accountId).length;
    const cases: [string, Buffer, RegExp][] = [
      ['tool.exe', Buffer.from('MZ\x90\x00'), /not accepted/],
      ['fake.pdf', Buffer.from('hello, I am not a pdf'), /not a real \.pdf/],
      ['empty.txt', Buffer.alloc(0), /empty/],
      ['big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(70 * 1024, 0x41)]), /larger than/],
    ];
    for (const [name, content, message] of cases) {
      const res = await upload(a.admin, `/api/v1/sales-records/${r.id}/files`, name, content);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().detail, name).toMatch(message);
    }
    expect(
      (await upload(a.admin, `/api/v1/sales-records/${r.id}/files`, 'a.pdf', PDF, 'attachment')).statusCode,
    ).toBe(400);
    expect((await a.admin.get(`/api/v1/sales-records/${r.id}/files`)).json().items).toHaveLength(0);
    expect(storedFiles(a.accountId).length).toBe(before);
  });

  it('files carry over on conversion; another account cannot reach them', async () => {
    const [lead] = (await a.admin.get('/api/v1/record-types')).json().items;
    const won = lead.statuses.find((s: { isClosedWon: boolean }) => s.isClosedWon).id;
    const r = (
      await a.admin.post('/api/v1/sales-records', { firstName: 'Con', lastName: 'Vert', statusId: won })
    ).json();
    const f = (await upload(a.admin, `/api/v1/sales-records/${r.id}/files`, 'soa.pdf', PDF)).json();
    const { individualId } = (await a.admin.post(`/api/v1/sales-records/${r.id}/convert`)).json();
    expect(
      (await a.admin.get(`/api/v1/individuals/${individualId}/files`))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toEqual([f.id]);
    const b = await t.newAccount();
    expect((await b.admin.get(`/api/v1/files/${f.id}/content`)).statusCode).toBe(404);
    expect((await b.admin.delete(`/api/v1/files/${f.id}`)).statusCode).toBe(404);
    expect(
      (await upload(b.admin, `/api/v1/individuals/${individualId}/files`, 'x.pdf', PDF)).statusCode,
    ).toBe(404);
  });

  it('the bytes of a purged record’s files leave the store', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'Pur', lastName: 'Ged' })).json();
    const content = Buffer.concat([PDF, Buffer.from(`purge ${backend}`)]);
    const f = (await upload(a.admin, `/api/v1/sales-records/${r.id}/files`, 'purge.pdf', content)).json();
    const before = storedFiles(a.accountId).length;
    expect((await a.admin.delete(`/api/v1/sales-records/${r.id}?acknowledgeRetention=true`)).statusCode).toBe(
      204,
    );
    // Within the 30-day window the record (and its file) can come back: nothing is removed.
    await purgeDeletedSalesRecords(t.deps, new Date(Date.now() + 29 * 24 * 3600_000));
    expect(storedFiles(a.accountId)).toHaveLength(before);
    await purgeDeletedSalesRecords(t.deps, new Date(Date.now() + 31 * 24 * 3600_000));
    expect(storedFiles(a.accountId)).toHaveLength(before - 1);
    expect((await a.admin.get(`/api/v1/files/${f.id}/content`)).statusCode).toBe(404);
  });
});

describe('S3 storage: multipart uploads, aborts and signatures', () => {
  let t: TestApp;
  let a: TestAccount;
  let s3: FakeS3;
  const LIMIT = 12 * 1024 * 1024;
  beforeAll(async () => {
    s3 = await startFakeS3();
    t = await createTestApp({ fileMaxBytes: LIMIT, fileStorage: s3ConfigOf(s3) });
    a = await t.newAccount();
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  it('a file larger than one part goes up in 5 MiB parts and comes back whole', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'Big', lastName: 'File' })).json();
    const content = bigPdf(11 * 1024 * 1024);
    const from = s3.log.length;
    const res = await upload(a.admin, `/api/v1/sales-records/${r.id}/files`, 'scan.pdf', content);
    expect(res.statusCode, res.body).toBe(201);
    expect(s3.log.slice(from).map((l) => `${l.op}:${l.bytes}`)).toEqual([
      'CreateMultipartUpload:0',
      'UploadPart:5242880',
      'UploadPart:5242880',
      'UploadPart:1048576',
      expect.stringMatching(/^CompleteMultipartUpload:/),
    ]);
    const dl = await a.admin.get(`/api/v1/files/${res.json().id}/content`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-length']).toBe(String(content.length));
    expect(dl.rawPayload.equals(content)).toBe(true);
    expect(res.json().sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(s3.refused).toBe(0);
  });

  it('a file past the limit is refused, leaving nothing in the bucket', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'Too', lastName: 'Big' })).json();
    const objects = s3.objects.size;
    const res = await upload(
      a.admin,
      `/api/v1/sales-records/${r.id}/files`,
      'huge.pdf',
      bigPdf(LIMIT + 1024 * 1024),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/larger than/);
    expect(s3.pendingUploads()).toBe(0);
    expect(s3.objects.size).toBe(objects);
    expect((await a.admin.get(`/api/v1/sales-records/${r.id}/files`)).json().items).toHaveLength(0);
  });

  it('the SDK’s requests are signed: a wrong secret is refused by the server, a right one accepted', async () => {
    const refused = s3.refused;
    const wrong = s3Storage(s3ConfigOf(s3, 'not-the-secret'));
    await expect(wrong.put('acct', Readable.from([PDF]), 1e6)).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    expect(s3.refused).toBe(refused + 1);
    const right = s3Storage(s3ConfigOf(s3));
    const stored = await right.put('acct', Readable.from([PDF]), 1e6);
    expect(s3.objects.get(stored.key)?.equals(PDF)).toBe(true);
    await expect(right.put('acct', Readable.from([PDF]), 100)).rejects.toBeInstanceOf(FileTooLargeError);

    // A body that arrives slowly and grows past the limit after parts went up: the multipart
    // upload is aborted, so the bucket keeps no parts and no object.
    async function* slowly(total: number) {
      for (let sent = 0; sent < total; sent += 1024 * 1024) {
        await new Promise((r) => setTimeout(r, 2));
        yield Buffer.alloc(1024 * 1024, 0x41);
      }
    }
    const objects = s3.objects.size;
    const from = s3.log.length;
    await expect(
      right.put('acct', Readable.from(slowly(13 * 1024 * 1024)), 12 * 1024 * 1024),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    const ops = s3.log.slice(from).map((l) => l.op);
    expect(ops.filter((op) => op === 'UploadPart').length).toBeGreaterThanOrEqual(1);
    expect(ops.at(-1)).toBe('AbortMultipartUpload');
    expect(s3.pendingUploads()).toBe(0);
    expect(s3.objects.size).toBe(objects);
    await right.delete(stored.key);
    expect(s3.objects.has(stored.key)).toBe(false);
    await expect(
      (async () => {
        for await (const _ of right.get(stored.key)) void _;
      })(),
    ).rejects.toMatchObject({ name: 'NoSuchKey' });
  });
});

describe('checkFileType', () => {
  it('judges by extension and leading bytes', () => {
    expect(checkFileType('a.PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toEqual({
      ok: true,
      mime: 'image/png',
    });
    expect(checkFileType('noext', Buffer.from('x')).ok).toBe(false);
    expect(checkFileType('a.txt', Buffer.from([0x41, 0x00])).ok).toBe(false);
    expect(checkFileType('a.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04])).ok).toBe(true);
  });
});
