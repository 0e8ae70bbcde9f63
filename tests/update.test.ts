import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstPage, newProfileDir, openBrowser, waitForServiceWorker } from './support/browser';
import { answerWithFirstOption, COURSE_PATH, questionCounter } from './support/learner';
import { startStack, type Stack } from './support/stack';
import { precompress } from '../scripts/precompress';

describe('(d) a new version of the app', () => {
  let stack: Stack;
  let context: BrowserContext;
  let distDir: string;

  beforeAll(async () => {
    // A copy of the build that the test can turn into "the next version".
    distDir = join(mkdtempSync(join(tmpdir(), 'hoc-so-dist-')), 'dist');
    cpSync(resolve('dist'), distDir, { recursive: true });
    stack = await startStack(distDir);
    context = await openBrowser(newProfileDir());
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('shows the update prompt and keeps working, with nothing lost, after accepting it', async () => {
    const page = await firstPage(context);
    await page.goto(`${stack.origin}${COURSE_PATH}/quiz`);
    await waitForServiceWorker(page);
    // A returning visit: the page is now controlled by the installed version.
    await page.reload();
    await answerWithFirstOption(page);
    expect(await questionCounter(page)).toBe('Câu 2/10');

    await publishNextVersion(page, 'next version');

    await acceptUpdate(page);

    expect(await questionCounter(page)).toBe('Câu 2/10');
    expect(await page.getByText('Có phiên bản mới').count()).toBe(0);
    const scriptURL = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL,
    );
    expect(scriptURL).toBe(`${stack.origin}/sw.js`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await answerWithFirstOption(page);
    expect(await questionCounter(page)).toBe('Câu 3/10');
  });

  it('takes the new version even when the app calls the server as the old worker stops', async () => {
    // A request that reaches the old worker while it stops for the new one restarts it, and
    // Chromium then leaves the new one waiting until every tab closes. A sync may run then.
    const page = await firstPage(context);
    await publishNextVersion(page, 'version after that');
    await page.getByText('Có phiên bản mới').waitFor();
    const devtools = await context.newCDPSession(page);
    devtools.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.status === 'activated' && v.runningStatus === 'stopping'))
        void page.evaluate(() => fetch('/api/health')).catch(() => undefined);
    });
    await devtools.send('ServiceWorker.enable');
    await acceptUpdate(page);
    await devtools.detach();

    const registration = await page.evaluate(async () => {
      const found = await navigator.serviceWorker.getRegistration();
      return {
        waiting: found?.waiting !== null,
        controlled: navigator.serviceWorker.controller !== null,
      };
    });
    expect(registration).toEqual({ waiting: false, controlled: true });
    expect(await page.getByText('Có phiên bản mới').count()).toBe(0);
    expect(await questionCounter(page)).toBe('Câu 3/10');
  });

  it('installs a version whose request routes the browser refuses, without them', async () => {
    const page = await firstPage(context);
    const worker = join(distDir, 'sw.js');
    writeFileSync(worker, readFileSync(worker, 'utf8').replace('/content/packs/*', '/content/('));
    await publishNextVersion(page, 'a version with a broken route');
    await acceptUpdate(page);

    expect(await page.getByText('Có phiên bản mới').count()).toBe(0);
    expect(await questionCounter(page)).toBe('Câu 3/10');
  });

  /** Waits for the update prompt, taps "Cập nhật" and waits for the page to load again. */
  async function acceptUpdate(page: Page): Promise<void> {
    await page.getByText('Có phiên bản mới').waitFor();
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Cập nhật' }).click();
    await reloaded;
  }

  /** Changes the worker on the server as a build would, and has the page look for it. */
  async function publishNextVersion(page: Page, label: string): Promise<void> {
    appendFileSync(join(distDir, 'sw.js'), `\n// ${label}\n`);
    // As a build does: its compressed copies are made again (else the old worker is sent).
    precompress(distDir);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
  }
});
