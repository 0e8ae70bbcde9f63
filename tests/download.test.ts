import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentManifestSchema } from '../src/protocol';
import { seriousViolations } from './support/axe';
import { CHROMIUM, waitForServiceWorker } from './support/browser';
import { COURSE_PATH, COURSE_TITLE, finishLesson } from './support/learner';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';
import { skipWelcome } from './support/welcome';

/** The slow mobile link of the issue: 400 kbit/s both ways, 300 ms round trip. */
const LINK = { kbps: 400, latencyMs: 300 };
const FIRST_VISIT_BUDGET = 350_000;

const manifest = contentManifestSchema.parse(
  JSON.parse(readFileSync(resolve('dist/content/manifest.json'), 'utf8')),
);
const packOf = (courseId: string) =>
  manifest.packs.find((pack) => pack.courses.some((course) => course.id === courseId))!;
const OTHER = packOf('staying-safe');
const OTHER_TITLE = OTHER.courses[0]!.title.vi;

/** Every answer the page or its service worker received, with its bytes on the wire. */
interface Received {
  url: string;
  fromWorker: boolean;
  bytes: number;
}

describe('download only what a person learns, in Chromium against the production build', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const received: Received[] = [];
  const counting = new Set<Promise<void>>();

  /** The course packs fetched so far, once the sizes of every finished request are read. */
  const packUrls = async () => {
    await Promise.all(counting);
    return received
      .filter((r) => r.url.includes('/content/packs/'))
      .map((r) => new URL(r.url).pathname);
  };

  beforeAll(async () => {
    stack = await startStack();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    });
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    // The page's requests and the service worker's (its precache) alike: Playwright reports both
    // on the context, with the sizes Chromium measured on the wire (encodedDataLength).
    const count = async (request: Request) => {
      const sizes = await request.sizes();
      received.push({
        url: request.url(),
        fromWorker: request.serviceWorker() !== null,
        bytes: sizes.responseHeadersSize + sizes.responseBodySize,
      });
    };
    context.on('requestfinished', (request) => {
      const done = count(request).finally(() => counting.delete(done));
      counting.add(done);
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const bytesSoFar = async () => {
    await Promise.all(counting);
    return received.reduce((sum, r) => sum + r.bytes, 0);
  };

  it('(a) a first visit on a slow link brings the app and the catalogue, no course', async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LINK.latencyMs,
      downloadThroughput: (LINK.kbps * 1000) / 8,
      uploadThroughput: (LINK.kbps * 1000) / 8,
    });
    const started = Date.now();
    await page.goto(stack.origin, { timeout: 120_000 });
    await skipWelcome(page);
    // Home is usable once the catalogue lists the courses.
    await page
      .getByRole('link', { name: new RegExp(COURSE_TITLE) })
      .first()
      .waitFor();
    const homeBytes = await bytesSoFar();
    const homeMs = Date.now() - started;
    await waitForServiceWorker(page);
    const installedBytes = await bytesSoFar();
    console.log(
      `first visit: ${(homeBytes / 1000).toFixed(1)} KB before home was usable (${homeMs} ms), ` +
        `${(installedBytes / 1000).toFixed(1)} KB once the service worker had the app ` +
        `(${received.filter((r) => r.fromWorker).length} of ${received.length} answers to the worker)`,
    );
    expect(homeBytes).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
    expect(received.some((r) => r.url.endsWith('/content/manifest.json'))).toBe(true);
    expect(await packUrls()).toEqual([]);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
    expect(cached.some((url) => url.includes('/content/manifest.json'))).toBe(true);
    expect(cached.filter((url) => url.includes('/content/packs/'))).toEqual([]);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
  });

  it('(b) opening a course downloads that course alone, then it works offline', async () => {
    await page
      .getByRole('link', { name: new RegExp(COURSE_TITLE) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    await page.locator('.lesson-link').first().waitFor();
    expect(await packUrls()).toEqual([packOf('smartphone-basics').url]);
    await page.locator('.lesson-link').first().click();
    await finishLesson(page);

    await stack.stopServer();
    await context.setOffline(true);
    await page.goto(`${stack.origin}${COURSE_PATH}`);
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    await page.locator('.lesson-link').nth(1).click();
    await page.getByText('Bước 1/').waitFor();
  });

  it('(c) offline, a course not downloaded says it needs the network', async () => {
    await page.goto(stack.origin);
    await page
      .getByRole('link', { name: new RegExp(OTHER_TITLE) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: OTHER_TITLE }).waitFor();
    await page.getByText('Cần có mạng để tải bài này về').waitFor();
    await page.getByRole('button', { name: /Tải về để học không cần mạng \(\d+ KB\)/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await captureScreen(page, 'download-offline-360');
    await page.setViewportSize({ width: 320, height: 640 });
    await captureScreen(page, 'download-offline-320');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await packUrls()).toEqual([packOf('smartphone-basics').url]);
  });

  it('(d) a pack whose bytes were altered is refused and never kept', async () => {
    const altered = (url: URL) => url.pathname === OTHER.url;
    await page.route(altered, async (route) => {
      const original = await route.fetch();
      const text = (await original.text()).replace('"version":', '"version":1');
      await route.fulfill({ response: original, body: text });
    });
    // Back online, the course opened offline downloads by itself: here, altered on the way.
    await stack.startServer();
    await context.setOffline(false);
    await page.getByText('Bài tải về không đúng với bản gốc nên không dùng').waitFor();
    expect(await heldPacks(page)).not.toContain(OTHER.id);
    expect(await seriousViolations(page)).toEqual([]);
    await captureScreen(page, 'download-altered-360');

    await page.unroute(altered);
    await page.getByRole('button', { name: /Tải về để học không cần mạng/ }).click();
    await page.locator('.lesson-link').first().waitFor();
    expect(await heldPacks(page)).toContain(OTHER.id);
  });

  it('(e) settings show the space used, remove a course but keep its progress, download all', async () => {
    await page.goto(`${stack.origin}/settings`);
    await page.getByRole('heading', { name: 'Bài học trên máy' }).waitFor();
    await page.getByText(/^Đã dùng .+, còn trống .+\.$/).waitFor();
    const remove = page.getByRole('button', { name: `Xoá ${COURSE_TITLE} khỏi máy` });
    await remove.waitFor();
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await seriousViolations(page)).toEqual([]);
    await captureScreen(page, 'download-settings-320');
    await page.setViewportSize({ width: 360, height: 740 });

    await remove.click();
    await remove.waitFor({ state: 'detached' });
    expect(await heldPacks(page)).not.toContain('smartphone-basics');
    await page.goto(stack.origin);
    // The lesson finished before the course was removed still counts.
    await page
      .getByRole('link', { name: new RegExp(`${COURSE_TITLE}.*Đã học 1/`) })
      .first()
      .waitFor();

    await page.goto(`${stack.origin}/settings`);
    const all = page.getByRole('button', { name: /^Tải tất cả \(\d+ bài, .+\)$/ });
    await all.click();
    await page.getByText('Đã tải hết bài học về máy.').waitFor({ timeout: 120_000 });
    expect(await heldPacks(page)).toHaveLength(manifest.packs.length);
    await captureScreen(page, 'download-settings-all-360');
  });
});

/** The packs in the device's IndexedDB, read with the raw API (not through the app). */
function heldPacks(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('hoc-so');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('packs').objectStore('packs').getAllKeys();
          request.onsuccess = () => {
            resolve(request.result as string[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
