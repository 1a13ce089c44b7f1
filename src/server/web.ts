import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The built web app (web/dist, `npm run build:web`), two entries (docs/decisions/030):
 * - `/assets/*`: hashed files, never changed under their name — cached for a year, `immutable`, and
 *   sent as the `.br` or `.gz` written beside them at build time when the browser accepts it;
 * - `index.html` (the signed-in app) for any other GET outside /api, and `public.html` (the public
 *   pages) for /book/…, /forms/… and /rx/…: `no-cache`, so a new build is picked up at once;
 * - the other files at the root (favicon): a day.
 */

/** Paths served the public pages' entry; web/vite.config.ts agrees for `npm run dev`. */
const PUBLIC_PAGES = /^\/(book|forms|rx|verify)(\/|$|\?)/;

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export type WebShell = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

/**
 * Serve the web app in `dist`, if built (else nothing: the API alone). Returns what the not-found
 * handler calls for a page's GET: it sends the right HTML entry, or returns undefined.
 */
export async function registerWeb(app: FastifyInstance, dist: string): Promise<WebShell | null> {
  const indexPath = path.join(dist, 'index.html');
  if (!fs.existsSync(indexPath)) return null;
  const appHtml = fs.readFileSync(indexPath);
  const publicPath = path.join(dist, 'public.html');
  const publicHtml = fs.existsSync(publicPath) ? fs.readFileSync(publicPath) : appHtml;

  if (fs.existsSync(path.join(dist, 'assets'))) {
    await app.register(fastifyStatic, {
      root: path.join(dist, 'assets'),
      prefix: '/assets/',
      wildcard: false,
      index: false,
      preCompressed: true,
      maxAge: ONE_YEAR_SECONDS * 1000,
      immutable: true,
      // The same URL answers brotli, gzip or plain: caches must key on the request's encodings.
      setHeaders: (res) => res.setHeader('vary', 'accept-encoding'),
    });
  }
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    decorateReply: false,
    globIgnore: ['assets/**', '*.html'],
    maxAge: 24 * 3600 * 1000,
  });

  return (request, reply) => {
    // An asset that is not there (an old build's) is a 404, not a page.
    if (request.method !== 'GET' || request.url.startsWith('/api') || request.url.startsWith('/assets/')) {
      return undefined;
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(PUBLIC_PAGES.test(request.url) ? publicHtml : appHtml);
  };
}
