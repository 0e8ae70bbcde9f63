import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { firstPage, newProfileDir, openBrowser, waitForServiceWorker } from './support/browser';
import {
  answerWithFirstOption,
  COURSE_PATH,
  COURSE_TITLE,
  deviceEventIds,
  finishLesson,
  questionCounter,
  syncBarText,
} from './support/learner';
import { startStack, type Stack } from './support/stack';
import { skipWelcome } from './support/welcome';
import { downloadEverything } from './support/downloads';

describe('offline first, in Chromium against the production build', () => {
  let stack: Stack;
  let profileDir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    profileDir = newProfileDir();
    context = await openBrowser(profileDir);
    page = await firstPage(context);
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('(a) opens the app and a lesson with the network off and the server stopped', async () => {
    await page.goto(stack.origin);
    await skipWelcome(page);
    await downloadEverything(page);
    await page
      .getByRole('link', { name: new RegExp(COURSE_TITLE) })
      .first()
      .waitFor();
    await waitForServiceWorker(page);

    await stack.stopServer();
    await context.setOffline(true);
    await page.reload();

    await page.getByText('Không có mạng').waitFor();
    await page
      .getByRole('link', { name: new RegExp(COURSE_TITLE) })
      .last()
      .click();
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    await page.locator('.lesson-link').first().click();
    await page.getByText('Bước 1/').waitFor();
    expect(await page.locator('.step h2').textContent()).toBeTruthy();
  });

  it('(b) keeps what was done offline across a reload and a browser restart', async () => {
    await finishLesson(page);
    await page.goto(`${stack.origin}${COURSE_PATH}/quiz`);
    for (let i = 0; i < 3; i += 1) await answerWithFirstOption(page);
    expect(await questionCounter(page)).toBe('Câu 4/10');
    await expect.poll(() => syncBarText(page)).toContain('4 mục đang chờ đồng bộ');

    await page.reload();
    expect(await questionCounter(page)).toBe('Câu 4/10');

    await context.close();
    context = await openBrowser(profileDir);
    await context.setOffline(true);
    page = await firstPage(context);
    await page.goto(`${stack.origin}${COURSE_PATH}/quiz`);
    expect(await questionCounter(page)).toBe('Câu 4/10');
    await expect.poll(() => syncBarText(page)).toContain('4 mục đang chờ đồng bộ');
    expect(await deviceEventIds(page)).toHaveLength(4);
  });

  it('(c) delivers every event to the server exactly once, even when a push is cut off', async () => {
    await stack.startServer();
    stack.cutNextPushAfterServerStored();
    await context.setOffline(false);

    await page.getByText(/^Đã đồng bộ lúc/).waitFor({ timeout: 60_000 });
    expect(stack.pushes.cut).toBe(1);
    expect(stack.pushes.seen).toBeGreaterThanOrEqual(2);

    const rows = await stack.db.query<{ id: string; copies: number }>(
      'SELECT id::text AS id, count(*)::int AS copies FROM events GROUP BY id ORDER BY id',
    );
    expect(rows.map((row) => row.id)).toEqual(await deviceEventIds(page));
    expect(rows.every((row) => row.copies === 1)).toBe(true);
  });

  it('(e) has no serious or critical accessibility violation on home, lesson and quiz', async () => {
    for (const path of ['/', `${COURSE_PATH}/lessons/phone-parts`, `${COURSE_PATH}/quiz`]) {
      await page.goto(`${stack.origin}${path}`);
      await page.locator('main h1').waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
});
