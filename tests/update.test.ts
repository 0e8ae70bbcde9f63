import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
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

    appendFileSync(join(distDir, 'sw.js'), '\n// next version\n');
    // As a build does: its compressed copies are made again (else the old worker is sent).
    precompress(distDir);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    const update = page.getByRole('button', { name: 'Cập nhật' });
    await page.getByText('Có phiên bản mới').waitFor();
    const reloaded = page.waitForEvent('load');
    await update.click();
    await reloaded;

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
});
