import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildServer } from '../server/app';
import { openPglite } from '../server/db/database';
import { migrate } from '../server/db/migrate';

/** The slow mobile link of issue 15: 400 kbit/s both ways, 300 ms round trip, CPU 4× slower. */
const LINK = { kbps: 400, latencyMs: 300, cpuSlowdown: 4 };

export interface FirstVisit {
  compressed: boolean;
  /** Bytes on the wire (headers and bodies) of the page's own requests until the app drew. */
  bytes: number;
  requests: number;
  /** First contentful paint: the first text on screen (the splash, since index.html has one). */
  firstTextMs: number;
  /** The app's first screen drawn (the splash replaced): what a visitor waited for before. */
  appDrawnMs: number;
  /**
   * Everything the first visit brought until the service worker had precached the app: the
   * page's answers and the worker's (reported by Playwright with their sizes on the wire; the
   * CDP throttling applies to the page's requests only).
   */
  installedBytes: number;
  installedMs: number;
}

async function visit(origin: string, compressed: boolean): Promise<FirstVisit> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LINK.latencyMs,
      downloadThroughput: (LINK.kbps * 1000) / 8,
      uploadThroughput: (LINK.kbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: LINK.cpuSlowdown });
    let bytes = 0;
    let requests = 0;
    let counting = true;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      if (!counting) return;
      bytes += event.encodedDataLength;
      requests += 1;
    });
    const sizes: Promise<number>[] = [];
    context.on('requestfinished', (request) =>
      sizes.push(
        request
          .sizes()
          .then((size) => size.responseHeadersSize + size.responseBodySize)
          .catch(() => 0),
      ),
    );
    await page.goto(origin, { waitUntil: 'commit', timeout: 300_000 });
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
      null,
      { timeout: 300_000, polling: 50 },
    );
    await page.waitForFunction(
      () => !document.querySelector('.splash') && Boolean(document.querySelector('main, h1')),
      null,
      { timeout: 300_000, polling: 50 },
    );
    const appDrawnMs = await page.evaluate(() => performance.now());
    counting = false;
    const firstTextMs = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
    );
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const installedMs = await page.evaluate(() => performance.now());
    const installedBytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    return { compressed, bytes, requests, firstTextMs, appDrawnMs, installedBytes, installedMs };
  } finally {
    await browser.close();
  }
}

/**
 * The first visit to the built app (`dist/`) in Chromium on the slow link, served by our server
 * with compression on and then off, one after the other in one run.
 */
export async function measureFirstVisit(distDir = resolve('dist')): Promise<FirstVisit[]> {
  const figures: FirstVisit[] = [];
  for (const compress of [true, false]) {
    const db = await openPglite();
    await migrate(db);
    const app = await buildServer({ db, distDir, compress });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      figures.push(await visit(`http://127.0.0.1:${port}/`, compress));
    } finally {
      await app.close();
      await db.close();
    }
  }
  return figures;
}

export function printFirstVisit(figures: FirstVisit[]): void {
  console.log(
    `First visit, Chromium, ${LINK.kbps} kbit/s, ${LINK.latencyMs} ms RTT, CPU ${LINK.cpuSlowdown}× slower (CDP)`,
  );
  for (const f of figures) {
    console.log(
      `  ${f.compressed ? 'brotli/gzip   ' : 'uncompressed  '}: ${(f.bytes / 1024).toFixed(1)} KB in ${f.requests} requests, first text ${(f.firstTextMs / 1000).toFixed(2)} s, app drawn ${(f.appDrawnMs / 1000).toFixed(2)} s; with the worker's precache ${(f.installedBytes / 1024).toFixed(1)} KB by ${(f.installedMs / 1000).toFixed(2)} s`,
    );
  }
}
