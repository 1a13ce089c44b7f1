// A public page in a browser on a slow phone connection, as the booking and signing benches measure
// it: Debian's chromium (playwright-core) at 390 × 844 with a cold cache (a new browser context per
// run) through Chrome DevTools network throttling — 1.6 Mbit/s down (200,000 B/s), 750 kbit/s up
// (93,750 B/s), 150 ms round trip added per request. Per run: the bytes transferred (sum of CDP
// encodedDataLength: headers + body as sent), split into the page's files and the API answers, the
// time from navigation start to the load event and to "usable" (the page's own test). A last
// visit in the same context shows a repeat visit (warm cache).
import type { Browser, BrowserContextOptions, CDPSession, Page } from 'playwright-core';

export const THROTTLE = {
  offline: false,
  latency: 150, // ms added to each request's round trip
  downloadThroughput: 1_600_000 / 8, // bytes per second
  uploadThroughput: 750_000 / 8,
};

export type Run = { pageBytes: number; apiBytes: number; requests: number; loadMs: number; usableMs: number };

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function throttled(page: Page, cdp: CDPSession) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  return { page, cdp };
}

/** One visit: bytes per request (by URL) until `usable` resolves. */
async function visit(
  page: Page,
  cdp: CDPSession,
  url: string,
  usable: (page: Page) => Promise<void>,
): Promise<Run> {
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  await page.goto(url, { waitUntil: 'load' });
  await usable(page);
  const usableMs = await page.evaluate<number>('performance.now()');
  const loadMs = await page.evaluate<number>(`performance.getEntriesByType('navigation')[0].loadEventEnd`);
  let pageBytes = 0;
  let apiBytes = 0;
  for (const [id, n] of bytes) {
    if (new URL(urls.get(id) ?? 'http://x/').pathname.startsWith('/api/')) apiBytes += n;
    else pageBytes += n;
  }
  return { pageBytes, apiBytes, requests: bytes.size, loadMs, usableMs };
}

/**
 * `runs` cold visits of `path`, each printed, then a warm repeat visit; returns the cold runs.
 * `usableLabel` names what "usable" means in the printout.
 */
export async function measureThrottledPage(opts: {
  browser: Browser;
  baseUrl: string;
  path: string;
  runs: number;
  usable: (page: Page) => Promise<void>;
  usableLabel: string;
  context?: BrowserContextOptions;
}): Promise<Run[]> {
  const line = (r: Run) =>
    `page files ${kb(r.pageBytes)}, API ${kb(r.apiBytes)}, ${r.requests} requests; load event ${Math.round(r.loadMs)} ms, ${opts.usableLabel} ${Math.round(r.usableMs)} ms`;
  console.log(
    `Throttled: ${THROTTLE.downloadThroughput * 8} bit/s down, ${THROTTLE.uploadThroughput * 8} bit/s up, ${THROTTLE.latency} ms RTT; cold cache; 390 × 844`,
  );
  const runs: Run[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const ctx = await opts.browser.newContext({
      baseURL: opts.baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      ...opts.context,
    });
    const first = await ctx.newPage();
    const r = await visit(
      first,
      (await throttled(first, await ctx.newCDPSession(first))).cdp,
      opts.path,
      opts.usable,
    );
    runs.push(r);
    console.log(`run ${i + 1}: ${line(r)}`);
    if (i === opts.runs - 1) {
      const again = await ctx.newPage();
      const w = await visit(
        again,
        (await throttled(again, await ctx.newCDPSession(again))).cdp,
        opts.path,
        opts.usable,
      );
      console.log(`repeat visit (warm cache): ${line(w)}`);
    }
    await ctx.close();
  }
  console.log(
    `median of ${opts.runs}: page files ${kb(median(runs.map((r) => r.pageBytes)))}, API ${kb(median(runs.map((r) => r.apiBytes)))}, ` +
      `load event ${Math.round(median(runs.map((r) => r.loadMs)))} ms, ${opts.usableLabel} ${Math.round(median(runs.map((r) => r.usableMs)))} ms`,
  );
  return runs;
}
