import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));

/** Paths served the public pages' entry (public.html) instead of the app's; the server agrees (src/server/web.ts). */
const PUBLIC_PAGES = /^\/(book|forms|rx|verify)(\/|$)/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `<file>.br` and `<file>.gz` beside every built asset worth compressing (the server sends
 * them to browsers that accept them), once, at build time, at the highest levels.
 */
function precompress(): Plugin {
  return {
    name: 'openams:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      await Promise.all(
        Object.keys(bundle)
          .filter((f) => /\.(js|css|svg|json|txt|woff)$/.test(f))
          .map(async (file) => {
            const full = path.join(dir, file);
            const raw = await fs.readFile(full);
            if (raw.length < 1024) return;
            const [br, gz] = await Promise.all([
              brotli(raw, {
                params: {
                  [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                },
              }),
              gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
            ]);
            await Promise.all([fs.writeFile(`${full}.br`, br), fs.writeFile(`${full}.gz`, gz)]);
          }),
      );
    },
  };
}

/** `npm run dev`: the public pages get public.html, as the server does. */
function publicPagesInDev(): Plugin {
  return {
    name: 'openams:public-pages-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && PUBLIC_PAGES.test(req.url) && req.headers.accept?.includes('text/html')) {
          req.url = '/public.html';
        }
        next();
      });
    },
  };
}

// Two entries built into web/dist, which the server serves: index.html (the signed-in app) and
// public.html (the public pages: booking; later forms and Rx Collect) — docs/decisions/030.
// `npm run dev` proxies /api to the server.
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress(), publicPagesInDev()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { app: path.join(webRoot, 'index.html'), public: path.join(webRoot, 'public.html') },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: { port: 4173 },
});
