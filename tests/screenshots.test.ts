import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstPage, newProfileDir, openBrowser, waitForServiceWorker } from './support/browser';
import { COURSE_PATH, COURSE_TITLE } from './support/learner';
import { captureScreen } from './support/screens';
import { startStack, type Stack } from './support/stack';
import { skipWelcome } from './support/welcome';
import { downloadEverything } from './support/downloads';

/**
 * Screenshots at 360 × 740 of the main screens, written to tests/artifacts/ to be looked at.
 * The checks make sure nothing spills sideways: a horizontal scroll bar on a phone is a bug.
 */
describe('screens at 360 × 740', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    context = await openBrowser(newProfileDir());
    page = await firstPage(context);
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('home, course, lesson, quiz and offline', async () => {
    await page.goto(stack.origin);
    await skipWelcome(page);
    await downloadEverything(page);
    await page
      .getByRole('link', { name: new RegExp(COURSE_TITLE) })
      .first()
      .waitFor();
    await waitForServiceWorker(page);
    await captureScreen(page, 'home');

    await page.goto(`${stack.origin}${COURSE_PATH}`);
    await page.locator('main h1').waitFor();
    await captureScreen(page, 'course');

    await page.goto(`${stack.origin}${COURSE_PATH}/lessons/phone-parts`);
    await page.locator('.step-image').waitFor();
    await captureScreen(page, 'lesson');

    await page.goto(`${stack.origin}${COURSE_PATH}/quiz`);
    await page.locator('form.question').waitFor();
    if ((await page.locator('.option').count()) > 1) await page.locator('.option').nth(1).click();
    await captureScreen(page, 'quiz');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('.feedback').waitFor();
    await captureScreen(page, 'quiz-feedback');

    await context.setOffline(true);
    await page.goto(stack.origin);
    await page.getByText('Không có mạng').waitFor();
    await captureScreen(page, 'offline');

    // English is complete and, like every locale, works offline once switched to.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Courses' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Courses' }).waitFor();
    await captureScreen(page, 'home-english-offline');
  });

  it('is installable: manifest, icons (with a maskable one) and a service worker', async () => {
    await context.setOffline(false);
    await page.goto(stack.origin);
    const devtools = await context.newCDPSession(page);
    const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await fetch(`${stack.origin}/manifest.webmanifest`)).json();
    expect(manifest.icons).toContainEqual(expect.objectContaining({ purpose: 'maskable' }));
    expect(manifest.theme_color).toBe('#0b5d3b');
  });
});
