import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';

// A built web app of our own (what `npm run build:web` writes): two HTML entries, a hashed asset
// with its brotli and gzip copies beside it, and a root file.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-web-dist-'));
const ASSET = 'assets/app-Bx7f3kQ2.js';
const script = Buffer.from('export const greeting = "hello from the app";\n'.repeat(200));
const APP_HTML =
  '<!doctype html><title>app</title><script type="module" src="/assets/app-Bx7f3kQ2.js"></script>';
const PUBLIC_HTML = '<!doctype html><title>public pages</title>';

describe('serving the built web app', () => {
  let t: TestApp;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), APP_HTML);
    fs.writeFileSync(path.join(dist, 'public.html'), PUBLIC_HTML);
    fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(dist, ASSET), script);
    fs.writeFileSync(path.join(dist, `${ASSET}.br`), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(dist, `${ASSET}.gz`), zlib.gzipSync(script));
    t = await createTestApp({ webDist: dist });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });

  it('sends a hashed asset brotli-compressed to a browser that accepts br, cached for a year, immutable', async () => {
    const res = await get(`/${ASSET}`, 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(script)).toBe(true);
  });

  it('sends the gzip copy to a browser that accepts only gzip', async () => {
    const res = await get(`/${ASSET}`, 'gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(res.rawPayload).equals(script)).toBe(true);
  });

  it('sends the file itself to a client that accepts no compression', async () => {
    const res = await get(`/${ASSET}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.equals(script)).toBe(true);
  });

  it('answers 404 (not a page) for an asset that does not exist, e.g. an older build’s', async () => {
    const res = await get('/assets/app-OLDHASH1.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sends the app’s index.html, not cached without revalidation, for the app’s pages', async () => {
    for (const url of ['/', '/leads', '/settings/schedules', '/bookings-report']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(APP_HTML);
    }
  });

  it('sends public.html, no-cache, for the public pages: booking, and the forms and Rx Collect to come', async () => {
    for (const url of [
      '/book/medicare-consultations',
      '/book/medicare-consultations/manage/Zx81_token',
      '/book/medicare-consultations?lang=es',
      '/forms/abc',
      '/rx/abc',
    ]) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(PUBLIC_HTML);
    }
  });

  it('caches a root file (the favicon) for a day, not as immutable', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(`public, max-age=${24 * 3600}`);
  });

  it('leaves /api alone: an unknown API path is a problem+json 404', async () => {
    const res = await get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
