import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { checkFileType } from './storage.ts';

let t: TestApp;
let a: TestAccount;
beforeAll(async () => {
  t = await createTestApp({ fileMaxBytes: 64 * 1024 });
  a = await t.newAccount();
});
afterAll(() => t.close());

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

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
const storedFiles = (accountId: string) => {
  const dir = path.join(t.deps.config.dataDir, 'files', accountId);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe('files on Sales Records', () => {
  it('uploads, lists, downloads and removes a file; links too', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'F', lastName: 'Iles' })).json();
    const res = await upload(a.admin, `/api/v1/sales-records/${r.id}/files`, 'Medicare card.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'upload',
      name: 'Medicare card.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
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
    expect(storedFiles(a.accountId).filter((f) => !f.startsWith('.'))).toHaveLength(0);
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
