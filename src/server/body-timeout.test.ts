import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../test/support/app.ts';

/** A truncated upload on a socket left open gets an answer within seconds, on a real socket. */

let t: TestApp;
let a: TestAccount;
let port: number;
beforeAll(async () => {
  t = await createTestApp({ bodyIdleMs: 1_000 });
  a = await t.newAccount();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

/** Send `head` + `partial` and keep the socket open; resolve with what the server answers. */
function stall(head: string, partial: string): Promise<{ text: string; ms: number; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head + partial));
    let text = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ text, ms: Date.now() - started, closed: false });
    }, 10_000);
    socket.on('data', (d) => (text += d.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ text, ms: Date.now() - started, closed: true });
    });
    socket.on('error', reject);
  });
}

function multipartHead(url: string, body: { length: number }) {
  return (
    `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    `Cookie: ${a.admin.cookie}\r\nX-CSRF-Token: ${a.admin.csrfToken}\r\n` +
    `Content-Type: multipart/form-data; boundary=XBOUNDARY\r\nContent-Length: ${body.length}\r\n` +
    `Connection: close\r\n\r\n`
  );
}
const PART_START =
  '--XBOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="card.csv"\r\n' +
  'Content-Type: text/csv\r\n\r\nfirstName,lastName\r\nAnn,Lee\r\n';

describe('a body that stops arriving', () => {
  it('a truncated file upload is answered 408 and the connection closed', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'Up', lastName: 'Load' })).json();
    const res = await stall(
      multipartHead(`/api/v1/sales-records/${r.id}/files`, { length: 100_000 }),
      PART_START,
    );
    expect(res.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(res.text).toContain('application/problem+json');
    expect(res.text).toContain('"status":408');
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(5_000);
  });

  it('a truncated CSV import likewise', async () => {
    const res = await stall(multipartHead('/api/v1/imports', { length: 100_000 }), PART_START);
    expect(res.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(5_000);
  });

  it('a truncated JSON body likewise', async () => {
    const head =
      `PATCH /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${a.admin.cookie}\r\n` +
      `X-CSRF-Token: ${a.admin.csrfToken}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n`;
    const res = await stall(head, '{"firstName":');
    expect(res.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(res.ms).toBeLessThan(5_000);
  });

  it('a whole upload that arrives in time is served as always', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'Whole', lastName: 'Load' })).json();
    const body = `${PART_START}--XBOUNDARY--\r\n`;
    const res = await stall(multipartHead(`/api/v1/sales-records/${r.id}/files`, body), body);
    expect(res.text).toMatch(/^HTTP\/1\.1 201 /);
  });
});
